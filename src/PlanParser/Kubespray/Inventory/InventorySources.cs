using System.Collections.Immutable;

namespace Kalc.Iac.PlanParser.Kubespray.Inventory;

/// <summary>Everything an inventory directory provides: the inventory files' definition and the group_vars/host_vars entries.</summary>
public sealed record InventorySources(string Root, InventoryDefinition Definition, ImmutableArray<VarsEntry> VarsEntries, ImmutableArray<string> Limitations);
