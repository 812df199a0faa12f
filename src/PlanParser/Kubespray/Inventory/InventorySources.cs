using System.Collections.Immutable;

namespace Kalc.Iac.PlanParser.Kubespray.Inventory;

/// <summary>Everything an inventory directory provides: the inventory files' definition and the group_vars/host_vars entries.
/// <paramref name="Root"/> is the full path of the directory they are read from; <paramref name="GivenRoot"/> the same
/// directory as the user named it (for messages and findings).</summary>
public sealed record InventorySources(string Root, InventoryDefinition Definition, ImmutableArray<VarsEntry> VarsEntries, ImmutableArray<string> Limitations)
{
    public string GivenRoot { get; init; } = Root;
}
