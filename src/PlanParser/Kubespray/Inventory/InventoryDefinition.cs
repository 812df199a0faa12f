using System.Collections.Immutable;
using Kalc.Iac.PlanParser.Kubespray.Model;

namespace Kalc.Iac.PlanParser.Kubespray.Inventory;

/// <summary>The inventory as its files declare it, before any group_vars/host_vars: groups, hosts in order, inline host vars.</summary>
public sealed record InventoryDefinition
{
    public required ImmutableDictionary<string, InventoryGroup> Groups { get; init; }

    public required ImmutableArray<string> Hosts { get; init; }

    public required ImmutableDictionary<string, ImmutableArray<VariableAssignment>> HostVars { get; init; }
}
