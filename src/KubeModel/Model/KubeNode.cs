using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.KubeModel.Model;

/// <summary>A Kubernetes Node. <see cref="ProviderId"/> (<c>aws:///us-east-1a/i-0abc</c>) joins it to its EC2 instance.</summary>
public sealed record KubeNode
{
    public required string Name { get; init; }

    public string? ProviderId
    {
        get;
        init
        {
            field = value;
            InstanceId = InstanceIdOf(value);
        }
    }

    public ImmutableDictionary<string, string> Labels { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableArray<string> PodCidrs { get; init; } = [];

    public string? InternalIp { get; init; }

    public string? KubeletVersion { get; init; }

    /// <summary>True when labelled or tainted as control plane (node-role.kubernetes.io/control-plane or /master).</summary>
    public bool IsControlPlane { get; init; }

    /// <summary>True when the node carries the control-plane NoSchedule taint: only pods that tolerate it run there.</summary>
    public bool ControlPlaneTainted { get; init; }

    /// <summary>True when inferred from EC2 tags rather than read from the cluster.</summary>
    public bool Inferred { get; init; }

    public required SourceRef Source { get; init; }

    /// <summary>The EC2 instance id in an <c>aws:///zone/i-...</c> providerID, or null (read once: every analysis that
    /// joins nodes to instances asks, for each node).</summary>
    public string? InstanceId { get; private init; }

    private static string? InstanceIdOf(string? providerId)
    {
        if (providerId is null || !providerId.StartsWith("aws://", StringComparison.Ordinal)) return null;
        var last = providerId[(providerId.LastIndexOf('/') + 1)..];
        return last.StartsWith("i-", StringComparison.Ordinal) ? last : null;
    }
}
