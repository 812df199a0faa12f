namespace Kalc.Iac.Analyzers.Model;

/// <summary>When a breakage shows, ordered from soonest.</summary>
public enum TimeToImpact
{
    /// <summary>As soon as apply runs.</summary>
    Immediate,

    /// <summary>Running pods/instances keep their current credentials until they expire (IMDS role credentials, IRSA tokens).</summary>
    OnCredentialRefresh,

    /// <summary>At the next node restart or replacement.</summary>
    OnNodeRestart,

    /// <summary>When a new node is launched.</summary>
    OnScaleOut,

    /// <summary>At a controller's next sync.</summary>
    OnNextReconcile,

    /// <summary>When kubespray is next run against the inventory.</summary>
    OnNextKubesprayRun,
}

public static class TimeToImpactNames
{
    public static string ToWire(this TimeToImpact t) => t switch
    {
        TimeToImpact.Immediate => "immediate",
        TimeToImpact.OnCredentialRefresh => "on-credential-refresh",
        TimeToImpact.OnNodeRestart => "on-node-restart",
        TimeToImpact.OnScaleOut => "on-scale-out",
        TimeToImpact.OnNextReconcile => "on-next-reconcile",
        TimeToImpact.OnNextKubesprayRun => "on-next-kubespray-run",
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };
}
