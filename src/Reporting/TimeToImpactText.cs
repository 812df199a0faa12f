using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.Reporting;

/// <summary>What each time to impact means for someone reading the report.</summary>
public static class TimeToImpactText
{
    public static string Explain(TimeToImpact when) => when switch
    {
        TimeToImpact.Immediate => "as soon as apply runs",
        TimeToImpact.OnCredentialRefresh => "running pods and instances keep their current credentials until they expire",
        TimeToImpact.OnNodeRestart => "at the next node restart or replacement",
        TimeToImpact.OnScaleOut => "when a new node is launched",
        TimeToImpact.OnNextReconcile => "at the controller's next sync",
        TimeToImpact.OnNextKubesprayRun => "when kubespray next runs against the inventory",
        _ => "",
    };
}
