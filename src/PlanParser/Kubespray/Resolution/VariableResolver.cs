using System.Collections.Immutable;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Kubespray.Defaults;
using Kalc.Iac.PlanParser.Kubespray.Inventory;
using Kalc.Iac.PlanParser.Kubespray.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Kubespray.Resolution;

/// <summary>Resolves every host's variables in Ansible's precedence order, lowest first: role defaults, the
/// inventory's inline vars of <c>all</c>, of the other groups (by depth, priority, name), group_vars/all, group_vars of
/// the other groups (same order), inline host vars, host_vars, role vars, extra vars
/// (https://docs.ansible.com/ansible/latest/playbook_guide/playbooks_variables.html#understanding-variable-precedence).</summary>
public sealed class VariableResolver(InventorySources sources, KubesprayDefaults defaults, ImmutableArray<VariableAssignment> extraVars)
{
    /// <summary>Host variables kubespray reads that no defaults file declares.</summary>
    private static readonly ImmutableHashSet<string> HostLevelNames = ["ip", "access_ip", "ip6", "access_ip6", "etcd_member_name", "node_labels", "node_taints", "kubelet_rotate_server_certificates", "calico_rr_id", "cluster_id"];

    /// <summary>The groups whose hosts kubespray configures as the cluster.</summary>
    public static readonly ImmutableArray<string> ClusterGroups = ["k8s_cluster", "kube_control_plane", "kube_node", "etcd", "calico_rr"];

    private readonly ImmutableDictionary<string, VarsEntry> _groupVars = sources.VarsEntries.Where(e => !e.IsHostVars).ToImmutableDictionary(e => e.Name);
    private readonly ImmutableDictionary<string, VarsEntry> _hostVars = sources.VarsEntries.Where(e => e.IsHostVars).ToImmutableDictionary(e => e.Name);

    public KubesprayRun Resolve(string inventoryPath)
    {
        var staticGraph = new GroupGraph(sources.Definition.Groups);
        var runGroups = RuntimeGroupExpansion.Apply(staticGraph, sources.Definition.Hosts, defaults.Release);
        var runGraph = new GroupGraph(runGroups);
        var hosts = sources.Definition.Hosts.Select(h => ResolveHost(h, staticGraph, runGraph)).ToImmutableArray();
        return new KubesprayRun
        {
            InventoryPath = inventoryPath,
            InventoryRoot = sources.GivenRoot,
            Release = defaults.Release,
            DefaultsOrigin = defaults.Origin,
            Groups = runGroups,
            Hosts = hosts,
            Cluster = ClusterVariables(hosts),
            OrphanVars = Orphans(runGraph),
            UnknownVariables = Unknown(),
            Shadowed = Shadowed(hosts, runGraph),
            Limitations = sources.Limitations.Add("facts gathered on the hosts (set_fact, ansible_facts) and play vars are not known before the run"),
        };
    }

    private KubesprayHost ResolveHost(string host, GroupGraph staticGraph, GroupGraph runGraph)
    {
        var run = Stack(Layers(host, runGraph, full: true));
        var inventoryOnly = Stack(Layers(host, staticGraph, full: false));
        var renderer = new TemplateRenderer(n => run.TryGetValue(n, out var list) ? list[^1].Value : Magic(n, host));
        var inventoryRenderer = new TemplateRenderer(n => inventoryOnly.TryGetValue(n, out var list) ? list[^1].Value : Magic(n, host));
        return new KubesprayHost
        {
            Name = host,
            Groups = runGraph.GroupsOf(host),
            Variables = run.ToImmutableDictionary(kv => kv.Key, kv => Effective(kv.Key, kv.Value, renderer)),
            InventoryVariables = inventoryOnly.ToImmutableDictionary(kv => kv.Key, kv => Effective(kv.Key, kv.Value, inventoryRenderer)),
        };
    }

    /// <summary>The magic variables a template can use before facts are gathered.</summary>
    private static PlanString? Magic(string name, string host) => name switch
    {
        "inventory_hostname" => new PlanString(host),
        "inventory_hostname_short" => new PlanString(host.Split('.')[0]),
        _ => null,
    };

    private static EffectiveValue Effective(string name, List<VariableAssignment> stack, TemplateRenderer renderer) => new()
    {
        Name = name,
        Raw = stack[^1].Value,
        Rendered = renderer.Variable(name),
        Source = stack[^1].Source,
        Replaced = [.. Enumerable.Reverse(stack).Skip(1)],
    };

    private static Dictionary<string, List<VariableAssignment>> Stack(IEnumerable<VariableAssignment> layers)
    {
        var byName = new Dictionary<string, List<VariableAssignment>>(StringComparer.Ordinal);
        foreach (var a in layers)
        {
            if (!byName.TryGetValue(a.Name, out var list)) byName[a.Name] = list = [];
            list.Add(a);
        }
        return byName;
    }

    private IEnumerable<VariableAssignment> Layers(string host, GroupGraph graph, bool full)
    {
        if (full)
        {
            foreach (var a in defaults.Variables.Values.Where(a => a.Source.Kind == VariableSourceKind.RoleDefault)) yield return a;
        }
        var groups = graph.GroupsOf(host);
        // ansible_group_priority orders groups; Ansible does not keep it as a variable.
        foreach (var g in groups) foreach (var a in graph.Groups[g].Vars.Where(a => a.Name != "ansible_group_priority")) yield return a;
        foreach (var g in groups) foreach (var a in _groupVars.GetValueOrDefault(g)?.Assignments ?? []) yield return a;
        foreach (var a in sources.Definition.HostVars.GetValueOrDefault(host, [])) yield return a;
        foreach (var a in _hostVars.GetValueOrDefault(host)?.Assignments ?? []) yield return a;
        if (!full) yield break;
        foreach (var a in defaults.Variables.Values.Where(a => a.Source.Kind == VariableSourceKind.RoleVars)) yield return a;
        foreach (var a in extraVars) yield return a;
    }

    private static ImmutableDictionary<string, ClusterVariable> ClusterVariables(ImmutableArray<KubesprayHost> hosts)
    {
        var members = hosts.Where(h => h.Groups.Intersect(ClusterGroups).Any()).ToList();
        if (members.Count == 0) members = [.. hosts];
        if (members.Count == 0) return ImmutableDictionary<string, ClusterVariable>.Empty;
        var reference = members.FirstOrDefault(h => h.Groups.Contains("kube_control_plane")) ?? members[0];
        var result = ImmutableDictionary.CreateBuilder<string, ClusterVariable>();
        foreach (var name in members.SelectMany(h => h.Variables.Keys).Distinct())
        {
            var perHost = members.Where(h => h.Variables.ContainsKey(name)).ToImmutableDictionary(h => h.Name, h => h.Variables[name]);
            var values = perHost.Values.Select(Comparable).Distinct().Count();
            result[name] = new ClusterVariable
            {
                Name = name,
                Value = reference.Variables.GetValueOrDefault(name) ?? perHost.Values.First(),
                HostsAgree = values == 1 && perHost.Count == members.Count,
                PerHost = perHost,
            };
        }
        return result.ToImmutable();
    }

    private static PlanValue Comparable(EffectiveValue v) => v.Rendered.IsKnown ? v.Rendered.Value! : v.Raw;

    private ImmutableArray<OrphanVars> Orphans(GroupGraph graph)
    {
        var result = ImmutableArray.CreateBuilder<OrphanVars>();
        var hostNames = sources.Definition.Hosts.ToHashSet(StringComparer.Ordinal);
        foreach (var e in sources.VarsEntries)
        {
            var exists = e.IsHostVars ? hostNames.Contains(e.Name) : graph.Has(e.Name);
            if (exists) continue;
            var renamed = e.IsHostVars ? null : RenamedGroups.ByOldName.GetValueOrDefault(e.Name);
            result.Add(new OrphanVars
            {
                Path = e.Path,
                Name = e.Name,
                IsHostVars = e.IsHostVars,
                Renamed = renamed,
                Suggestion = renamed is null ? NameSuggester.Closest(e.Name, e.IsHostVars ? hostNames : graph.Groups.Keys) : null,
                Variables = e.Assignments,
            });
        }
        return result.ToImmutable();
    }

    private ImmutableArray<UnknownVariable> Unknown()
    {
        var all = sources.Definition.Groups.Values.SelectMany(g => g.Vars)
            .Concat(sources.Definition.HostVars.Values.SelectMany(v => v))
            .Concat(sources.VarsEntries.SelectMany(e => e.Assignments))
            .Concat(extraVars);
        var known = defaults.KnownNames.ToImmutableArray();
        return [.. all.Where(a => !defaults.Knows(a.Name) && !a.Name.StartsWith("ansible_", StringComparison.Ordinal) && !HostLevelNames.Contains(a.Name))
            .Select(a => new UnknownVariable(a, NameSuggester.Closest(a.Name, known)))];
    }

    private static ImmutableArray<ShadowedAssignment> Shadowed(ImmutableArray<KubesprayHost> hosts, GroupGraph graph)
    {
        var found = new Dictionary<(VariableAssignment Loser, VariableAssignment Winner), List<string>>();
        foreach (var h in hosts)
        {
            foreach (var v in h.Variables.Values)
            {
                if (v.Replaced.IsDefaultOrEmpty || v.Source.Kind == VariableSourceKind.ExtraVars) continue;
                var winner = new VariableAssignment(v.Name, v.Raw, v.Source);
                foreach (var loser in v.Replaced)
                {
                    if (loser.Source.Kind is VariableSourceKind.RoleDefault or VariableSourceKind.RoleVars || Equals(loser.Value, v.Raw)) continue;
                    if (!Unexpected(loser.Source, v.Source, graph)) continue;
                    if (!found.TryGetValue((loser, winner), out var list)) found[(loser, winner)] = list = [];
                    list.Add(h.Name);
                }
            }
        }
        return [.. found.Select(kv => new ShadowedAssignment { Assignment = kv.Key.Loser, Winner = kv.Key.Winner, Hosts = [.. kv.Value] })];
    }

    /// <summary>A more specific source winning (a child group over its parent, a host over a group) is what people expect;
    /// anything else winning (group_vars/all over a group's inline vars, a sibling group by name order, role vars) is not.</summary>
    private static bool Unexpected(VariableSource loser, VariableSource winner, GroupGraph graph)
    {
        if (winner.Kind == VariableSourceKind.RoleVars) return true;
        var loserHost = loser.Kind is VariableSourceKind.InventoryHostVars or VariableSourceKind.HostVars;
        var winnerHost = winner.Kind is VariableSourceKind.InventoryHostVars or VariableSourceKind.HostVars;
        if (winnerHost && !loserHost) return false;
        if (winnerHost && loserHost) return loser.File != winner.File;
        return loser.Owner is null || winner.Owner is null || winner.Owner == loser.Owner
            ? loser.File != winner.File || loser.Kind != winner.Kind
            : !graph.IsWithin(winner.Owner, loser.Owner);
    }
}
