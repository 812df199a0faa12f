using System.Collections.Immutable;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Kubespray.Model;

namespace Kalc.Iac.PlanParser.Kubespray.Inventory;

/// <summary>Collects groups, hosts and inline variables from one or more inventory files, then adds the implicit
/// groups <c>all</c> and <c>ungrouped</c> as Ansible does.</summary>
public sealed class InventoryBuilder
{
    private readonly Dictionary<string, GroupParts> _groups = new(StringComparer.Ordinal);
    private readonly List<string> _hosts = [];
    private readonly Dictionary<string, List<VariableAssignment>> _hostVars = new(StringComparer.Ordinal);

    public void AddGroup(string name, SourceRef? source)
    {
        if (!_groups.ContainsKey(name)) _groups[name] = new GroupParts(source);
    }

    public void AddHost(string group, string host, SourceRef? source)
    {
        AddGroup(group, source);
        if (!_hostVars.ContainsKey(host))
        {
            _hosts.Add(host);
            _hostVars[host] = [];
        }
        var g = _groups[group];
        if (!g.Hosts.Contains(host)) g.Hosts.Add(host);
    }

    public void AddChild(string parent, string child, SourceRef? source)
    {
        if (parent == child) throw new InputException(new InputError(source?.File ?? "?", $"group '{ErrorText.Excerpt(parent)}' cannot be its own child", source?.Line));
        AddGroup(parent, source);
        AddGroup(child, source);
        var g = _groups[parent];
        if (!g.Children.Contains(child)) g.Children.Add(child);
    }

    public void AddGroupVar(string group, VariableAssignment assignment)
    {
        AddGroup(group, null);
        _groups[group].Vars.Add(assignment);
    }

    public void AddHostVar(string host, VariableAssignment assignment) => _hostVars[host].Add(assignment);

    public InventoryDefinition Build(string file)
    {
        AddGroup("all", null);
        AddGroup("ungrouped", null);
        CheckNoCycles(file);
        var grouped = new HashSet<string>(_groups.Where(g => g.Key is not ("all" or "ungrouped")).SelectMany(g => g.Value.Hosts));
        foreach (var h in _hosts)
        {
            if (!grouped.Contains(h) && !_groups["ungrouped"].Hosts.Contains(h)) _groups["ungrouped"].Hosts.Add(h);
        }
        // Every top-level group is a child of all, as Ansible reconciles the inventory.
        var children = new HashSet<string>(_groups.Values.SelectMany(g => g.Children));
        foreach (var name in _groups.Keys.Where(n => n != "all" && !children.Contains(n)))
        {
            if (!_groups["all"].Children.Contains(name)) _groups["all"].Children.Add(name);
        }
        return new InventoryDefinition
        {
            Groups = _groups.ToImmutableDictionary(g => g.Key, g => new InventoryGroup
            {
                Name = g.Key,
                Hosts = [.. g.Value.Hosts],
                Children = [.. g.Value.Children],
                Vars = [.. g.Value.Vars],
                Source = g.Value.Source,
            }),
            Hosts = [.. _hosts],
            HostVars = _hostVars.ToImmutableDictionary(h => h.Key, h => h.Value.ToImmutableArray()),
        };
    }

    private void CheckNoCycles(string file)
    {
        var state = new Dictionary<string, int>();
        foreach (var start in _groups.Keys)
        {
            var stack = new Stack<(string Name, int Next)>();
            if (state.GetValueOrDefault(start) != 0) continue;
            stack.Push((start, 0));
            state[start] = 1;
            while (stack.Count > 0)
            {
                var (name, next) = stack.Pop();
                var kids = _groups[name].Children;
                if (next >= kids.Count) { state[name] = 2; continue; }
                stack.Push((name, next + 1));
                var child = kids[next];
                var s = state.GetValueOrDefault(child);
                if (s == 1) throw new InputException(new InputError(file, $"group '{ErrorText.Excerpt(child)}' is its own ancestor (children loop through '{ErrorText.Excerpt(name)}')"));
                if (s == 0) { state[child] = 1; stack.Push((child, 0)); }
            }
        }
    }

    private sealed class GroupParts(SourceRef? source)
    {
        public SourceRef? Source { get; } = source;

        public List<string> Hosts { get; } = [];

        public List<string> Children { get; } = [];

        public List<VariableAssignment> Vars { get; } = [];
    }
}
