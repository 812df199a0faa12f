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
        // Hosts in the same groups share every value that no host sets and no host-specific value feeds
        // (rendered once per set of groups, SharedResolution); the rest is resolved per host.
        var shared = new Dictionary<string, (SharedResolution Run, SharedResolution Inventory)>(StringComparer.Ordinal);
        var hosts = sources.Definition.Hosts.Select(h =>
        {
            var key = string.Join('\n', runGraph.GroupsOf(h)) + "\n\n" + string.Join('\n', staticGraph.GroupsOf(h));
            if (!shared.TryGetValue(key, out var s))
                shared[key] = s = (Share(h, runGraph, full: true), Share(h, staticGraph, full: false));
            return ResolveHost(h, runGraph, s.Run, s.Inventory);
        }).ToImmutableArray();
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

    private KubesprayHost ResolveHost(string host, GroupGraph runGraph, SharedResolution sharedRun, SharedResolution sharedInventory)
    {
        var own = HostAssignments(host);
        return new KubesprayHost
        {
            Name = host,
            Groups = runGraph.GroupsOf(host),
            Variables = sharedRun.For(host, own),
            InventoryVariables = sharedInventory.For(host, own),
        };
    }

    /// <summary>What a host sets itself (inline host vars, then host_vars), by name in precedence order.</summary>
    private Dictionary<string, List<VariableAssignment>> HostAssignments(string host) =>
        Stack(sources.Definition.HostVars.GetValueOrDefault(host, []).Concat(_hostVars.GetValueOrDefault(host)?.Assignments ?? []));

    /// <summary>The values every host in <paramref name="host"/>'s groups has, from the layers without host vars.</summary>
    private SharedResolution Share(string host, GroupGraph graph, bool full)
    {
        var groupsOnly = Stack(Layers(host, graph, full, hostLayers: false));
        var groups = graph.GroupsOf(host);
        // Any name some host of these groups sets may differ between them, and so may the magic variables.
        var setByHosts = sources.Definition.Hosts.Where(h => graph.GroupsOf(h).SequenceEqual(groups))
            .SelectMany(h => HostAssignments(h).Keys).ToHashSet(StringComparer.Ordinal);
        var renderer = new TemplateRenderer(n => groupsOnly.TryGetValue(n, out var list) ? list[^1].Value : null,
            n => setByHosts.Contains(n) || n is "inventory_hostname" or "inventory_hostname_short");
        var values = groupsOnly.ToImmutableDictionary(kv => kv.Key, kv => Effective(kv.Key, kv.Value, renderer));
        return new SharedResolution(groupsOnly, values, [.. groupsOnly.Keys.Where(renderer.DependsOnHost)]);
    }

    /// <summary>Values shared by hosts with the same groups (with the assignments they come from), and the names whose
    /// value there is not every host's.</summary>
    private sealed class SharedResolution(
        Dictionary<string, List<VariableAssignment>> groupsOnly, ImmutableDictionary<string, EffectiveValue> values, ImmutableHashSet<string> dependsOnHost)
    {
        public ImmutableDictionary<string, EffectiveValue> For(string host, Dictionary<string, List<VariableAssignment>> own)
        {
            if (own.Count == 0 && dependsOnHost.IsEmpty) return values;
            var merged = new Dictionary<string, List<VariableAssignment>>(StringComparer.Ordinal);
            List<VariableAssignment>? StackOf(string n)
            {
                if (merged.TryGetValue(n, out var done)) return done;
                var shared = groupsOnly.GetValueOrDefault(n);
                if (!own.TryGetValue(n, out var mine)) return shared;
                // Host vars rank above every group layer and below role vars and extra vars.
                var above = shared?.Where(a => a.Source.Kind is VariableSourceKind.RoleVars or VariableSourceKind.ExtraVars) ?? [];
                var below = shared?.Where(a => a.Source.Kind is not (VariableSourceKind.RoleVars or VariableSourceKind.ExtraVars)) ?? [];
                return merged[n] = [.. below, .. mine, .. above];
            }
            // Names neither this host nor a value it feeds can change keep what the shared renderer found.
            var renderer = new TemplateRenderer(n => StackOf(n) is { } list ? list[^1].Value : Magic(n, host), rendered: n =>
                own.ContainsKey(n) || dependsOnHost.Contains(n) ? null : values.TryGetValue(n, out var v) ? v.Rendered : null);
            var names = own.Keys.Concat(dependsOnHost).Distinct(StringComparer.Ordinal).Where(n => StackOf(n) is not null);
            return values.SetItems(names.Select(n => KeyValuePair.Create(n, Effective(n, StackOf(n)!, renderer))));
        }
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

    private IEnumerable<VariableAssignment> Layers(string host, GroupGraph graph, bool full, bool hostLayers = true)
    {
        if (full)
        {
            foreach (var a in defaults.Variables.Values.Where(a => a.Source.Kind == VariableSourceKind.RoleDefault)) yield return a;
        }
        var groups = graph.GroupsOf(host);
        // ansible_group_priority orders groups; Ansible does not keep it as a variable.
        foreach (var g in groups) foreach (var a in graph.Groups[g].Vars.Where(a => a.Name != "ansible_group_priority")) yield return a;
        foreach (var g in groups) foreach (var a in _groupVars.GetValueOrDefault(g)?.Assignments ?? []) yield return a;
        if (hostLayers)
        {
            foreach (var a in sources.Definition.HostVars.GetValueOrDefault(host, [])) yield return a;
            foreach (var a in _hostVars.GetValueOrDefault(host)?.Assignments ?? []) yield return a;
        }
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
        // One pass over every host's values: per name, how many hosts have it and its distinct value objects (hosts
        // that share a value share the object, so there are few).
        var seen = new Dictionary<string, (int Hosts, HashSet<EffectiveValue> Values)>(StringComparer.Ordinal);
        foreach (var h in members)
        {
            foreach (var (name, value) in h.Variables)
            {
                if (!seen.TryGetValue(name, out var acc)) acc = (0, new HashSet<EffectiveValue>(ReferenceEqualityComparer.Instance));
                acc.Values.Add(value);
                seen[name] = (acc.Hosts + 1, acc.Values);
            }
        }
        var byName = new Dictionary<string, KubesprayHost>(StringComparer.Ordinal);
        foreach (var h in members) byName.TryAdd(h.Name, h);
        var result = ImmutableDictionary.CreateBuilder<string, ClusterVariable>(StringComparer.Ordinal);
        foreach (var (name, acc) in seen)
        {
            var values = acc.Values.Select(Comparable).Distinct().Count();
            result[name] = new ClusterVariable
            {
                Name = name,
                Value = reference.Variables.GetValueOrDefault(name) ?? acc.Values.First(),
                HostsAgree = values == 1 && acc.Hosts == members.Count,
                PerHost = new HostValueDictionary(members, byName, name),
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
        // Values shared by hosts are one object: their shadowed pairs are worked out once.
        var pairsOf = new Dictionary<EffectiveValue, List<List<string>>>(ReferenceEqualityComparer.Instance);
        foreach (var h in hosts)
        {
            foreach (var v in h.Variables.Values)
            {
                if (v.Replaced.IsDefaultOrEmpty || v.Source.Kind == VariableSourceKind.ExtraVars) continue;
                if (!pairsOf.TryGetValue(v, out var lists))
                {
                    pairsOf[v] = lists = [];
                    var winner = new VariableAssignment(v.Name, v.Raw, v.Source);
                    foreach (var loser in v.Replaced)
                    {
                        if (loser.Source.Kind is VariableSourceKind.RoleDefault or VariableSourceKind.RoleVars || Equals(loser.Value, v.Raw)) continue;
                        if (!Unexpected(loser.Source, v.Source, graph)) continue;
                        if (!found.TryGetValue((loser, winner), out var list)) found[(loser, winner)] = list = [];
                        lists.Add(list);
                    }
                }
                foreach (var list in lists) list.Add(h.Name);
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
