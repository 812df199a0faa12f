using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.PlanParser.Kubespray.Model;

/// <summary>An inventory group as written: direct hosts, child groups and inline variables.</summary>
public sealed record InventoryGroup
{
    public required string Name { get; init; }

    public ImmutableArray<string> Hosts { get; init; } = [];

    public ImmutableArray<string> Children { get; init; } = [];

    /// <summary>Variables set inline in the inventory file (<c>vars:</c> or <c>[group:vars]</c>).</summary>
    public ImmutableArray<VariableAssignment> Vars { get; init; } = [];

    /// <summary>Where the group is first declared; null for the implicit groups.</summary>
    public SourceRef? Source { get; init; }
}
