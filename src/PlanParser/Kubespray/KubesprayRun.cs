using System.Collections.Immutable;

namespace Kalc.Iac.PlanParser.Kubespray;

/// <summary>What a kubespray run over an inventory would apply: the hosts by group and the
/// effective variables (with where each value came from). Filled in by the kubespray reader.</summary>
public sealed record KubesprayRun
{
    public required string InventoryPath { get; init; }

    public ImmutableArray<string> Findings { get; init; } = [];
}
