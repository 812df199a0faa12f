using System.Collections.Immutable;

namespace Kalc.Iac.Analyzers.Model;

/// <summary>What a finding breaks and when.</summary>
public sealed record Impact
{
    /// <summary>Component names people use: kubelet, cloud-controller-manager, aws-node, ..., or service-account:ns/name.</summary>
    public ImmutableArray<string> Components { get; init; } = [];

    public ImmutableArray<string> Instances { get; init; } = [];

    public ImmutableArray<string> Nodes { get; init; } = [];

    /// <summary>namespace/name.</summary>
    public ImmutableArray<string> ServiceAccounts { get; init; } = [];

    public required TimeToImpact TimeToImpact { get; init; }
}
