using System.Collections.Immutable;

namespace Kalc.Iac.Analyzers.Catalog;

/// <summary>One component of the catalog (components.json): how it is recognised in the cluster and what breaks.</summary>
public sealed record ComponentDefinition
{
    public required string Name { get; init; }

    /// <summary>"every-node" (kubelet) or "workload" (recognised among Deployments/DaemonSets/StatefulSets/Pods).</summary>
    public required string RunsOn { get; init; }

    public ImmutableArray<string> Names { get; init; } = [];

    public ImmutableArray<string> Images { get; init; } = [];

    /// <summary>Every one of these must appear among the container args (e.g. --cloud-provider=aws).</summary>
    public ImmutableArray<string> ArgsAll { get; init; } = [];

    /// <summary>Workload kinds it can be; empty = any.</summary>
    public ImmutableArray<string> Kinds { get; init; } = [];

    public required string Symptom { get; init; }

    public required string Source { get; init; }
}
