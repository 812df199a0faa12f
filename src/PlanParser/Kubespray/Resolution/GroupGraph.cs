using System.Collections.Immutable;
using System.Globalization;
using Kalc.Iac.PlanParser.Kubespray.Model;

namespace Kalc.Iac.PlanParser.Kubespray.Resolution;

/// <summary>Group membership as Ansible computes it: a host's groups (with ancestors and <c>all</c>), each group's
/// depth (longest path from all) and priority (<c>ansible_group_priority</c>), and the order vars merge in.</summary>
public sealed class GroupGraph
{
    private readonly ImmutableDictionary<string, InventoryGroup> _groups;
    private readonly Dictionary<string, List<string>> _parents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _depth = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _hostGroups = new(StringComparer.Ordinal);

    public GroupGraph(ImmutableDictionary<string, InventoryGroup> groups)
    {
        _groups = groups;
        foreach (var g in groups.Values)
        {
            foreach (var c in g.Children)
            {
                if (!_parents.TryGetValue(c, out var ps)) _parents[c] = ps = [];
                ps.Add(g.Name);
            }
        }
        ComputeDepths();
        foreach (var g in groups.Values)
        {
            foreach (var h in g.Hosts)
            {
                if (!_hostGroups.TryGetValue(h, out var set)) _hostGroups[h] = set = new(StringComparer.Ordinal);
                AddWithAncestors(g.Name, set);
            }
        }
    }

    public ImmutableDictionary<string, InventoryGroup> Groups => _groups;

    public bool Has(string group) => _groups.ContainsKey(group);

    /// <summary>The groups of a host, sorted as Ansible merges their vars: by depth, then priority, then name.</summary>
    public ImmutableArray<string> GroupsOf(string host)
    {
        var set = _hostGroups.TryGetValue(host, out var s) ? s : [];
        set.Add("all");
        return [.. set.OrderBy(g => _depth.GetValueOrDefault(g)).ThenBy(Priority).ThenBy(g => g, StringComparer.Ordinal)];
    }

    /// <summary>True when <paramref name="group"/> is <paramref name="ancestor"/> or below it.</summary>
    public bool IsWithin(string group, string ancestor)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        AddWithAncestors(group, set);
        return set.Contains(ancestor);
    }

    public int Priority(string group)
    {
        var v = _groups.TryGetValue(group, out var g) ? g.Vars.LastOrDefault(a => a.Name == "ansible_group_priority") : null;
        return v is not null && int.TryParse(v.Value.AsString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p) ? p : 1;
    }

    private void AddWithAncestors(string group, HashSet<string> into)
    {
        var stack = new Stack<string>([group]);
        while (stack.Count > 0)
        {
            var g = stack.Pop();
            if (!into.Add(g)) continue;
            foreach (var p in _parents.GetValueOrDefault(g) ?? []) stack.Push(p);
        }
    }

    private void ComputeDepths()
    {
        // Iterative longest path from all over the (acyclic, checked by the builder) children graph.
        var stack = new Stack<(string, int)>([("all", 0)]);
        while (stack.Count > 0)
        {
            var (g, d) = stack.Pop();
            if (_depth.TryGetValue(g, out var known) && known >= d) continue;
            _depth[g] = d;
            foreach (var c in _groups.TryGetValue(g, out var grp) ? grp.Children : []) stack.Push((c, d + 1));
        }
    }
}
