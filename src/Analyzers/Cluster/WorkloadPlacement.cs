using System.Collections.Immutable;

namespace Kalc.Iac.Analyzers.Cluster;

/// <summary>Which nodes a workload's pods run on. <see cref="Exact"/> when known (DaemonSets, static pods),
/// otherwise the candidate nodes the scheduler may use.</summary>
public sealed record WorkloadPlacement(ImmutableArray<string> Nodes, bool Exact);
