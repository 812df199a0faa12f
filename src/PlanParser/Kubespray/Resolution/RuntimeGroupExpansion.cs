using System.Collections.Immutable;
using Kalc.Iac.PlanParser.Kubespray.Defaults;
using Kalc.Iac.PlanParser.Kubespray.Model;

namespace Kalc.Iac.PlanParser.Kubespray.Resolution;

/// <summary>The groups as kubespray's plays see them: the inventory's groups plus the hosts its first play adds with
/// group_by (legacy names, and k8s_cluster computed from its parts from v2.27.0).</summary>
public static class RuntimeGroupExpansion
{
    public static ImmutableDictionary<string, InventoryGroup> Apply(GroupGraph inventory, IEnumerable<string> hosts, string release)
    {
        var groups = inventory.Groups.ToBuilder();
        foreach (var mapping in RenamedGroups.RuntimeGroupsFor(release))
        {
            var joining = hosts.Where(h => inventory.GroupsOf(h).Intersect(mapping.Members).Any()).ToList();
            if (joining.Count == 0) continue;
            if (groups.TryGetValue(mapping.Group, out var existing))
            {
                groups[mapping.Group] = existing with { Hosts = [.. existing.Hosts.Concat(joining.Where(h => !existing.Hosts.Contains(h)))] };
            }
            else
            {
                groups[mapping.Group] = new InventoryGroup { Name = mapping.Group, Hosts = [.. joining] };
                groups["all"] = groups["all"] with { Children = groups["all"].Children.Add(mapping.Group) };
            }
        }
        return groups.ToImmutable();
    }
}
