using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Cluster;
using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Network;

/// <summary>Checks every flow of the catalog that crosses a security group the change touches, before and after: the
/// control plane to each node endpoint (kubelet), each node endpoint to the control plane (API server), node endpoints to
/// each other (DNS, the CNI in use), and the control plane to the pods behind each webhook and aggregated API. Only
/// endpoint pairs that carry a touched group are evaluated, so a plan that changes no security group costs nothing.</summary>
public sealed class NodeNetworkAnalysis
{
    private NodeNetworkAnalysis(ImmutableArray<FlowLoss> losses, ImmutableArray<string> unknown, ImmutableArray<string> unresolved, bool touched)
    {
        Losses = losses;
        Unknown = unknown;
        Unresolved = unresolved;
        TouchesGroups = touched;
    }

    public ImmutableArray<FlowLoss> Losses { get; }

    /// <summary>Flows allowed before whose fate after the change cannot be known (rules known only after apply, prefix lists).</summary>
    public ImmutableArray<string> Unknown { get; }

    /// <summary>Webhooks and APIServices whose pods could not be resolved.</summary>
    public ImmutableArray<string> Unresolved { get; }

    public bool TouchesGroups { get; }

    public static NodeNetworkAnalysis Run(ClusterTopology topology, IReadOnlyList<MappedChange> mapped, FlowCatalog catalog)
    {
        var before = SecurityGroupRuleSet.Of(topology.World.Aws);
        var projection = SecurityGroupProjection.Apply(before, mapped);
        // Adding rules only ever allows more: a plan whose group edits are all new rules cannot block a flow.
        if (projection.ChangesByGroup.Values.All(list => list.All(c => c.Kind == ChangeKind.Create))) return new([], [], [], false);
        var touched = projection.ChangesByGroup;
        var network = ClusterNetwork.Of(topology);
        var losses = ImmutableArray.CreateBuilder<FlowLoss>();
        var unknown = ImmutableArray.CreateBuilder<string>();

        void Check(FlowRequirement flow, NetworkEndpoint src, NetworkEndpoint dst, int? port, WebhookTarget? target, bool modeUncertain)
        {
            var changes = src.GroupIds.Concat(dst.GroupIds).Distinct(StringComparer.Ordinal)
                .SelectMany(g => touched.TryGetValue(g, out var c) ? c : []).Distinct().ToImmutableArray();
            if (changes.IsEmpty) return;
            var was = SecurityGroupEvaluator.Evaluate(before, src, dst, flow.Protocol, port);
            if (was.Reach != Reach.Allowed) return;
            var now = SecurityGroupEvaluator.Evaluate(projection.After, src, dst, flow.Protocol, port);
            if (now.Reach == Reach.Allowed) return;
            if (now.Reach == Reach.Unknown)
            {
                unknown.Add($"{flow.Describe(port)} from {src.Name} to {dst.Name} ({flow.Id}) may be blocked after {string.Join(", ", changes.Select(c => c.Address))}: {now.WhyUnknown}");
                return;
            }
            losses.Add(new FlowLoss { Flow = flow, Port = port, Source = src, Destination = dst, Before = was, After = now, Target = target, CausedBy = changes, ModeUncertain = modeUncertain });
        }

        var unresolved = EachFlow(topology, network, catalog, Check);
        return new NodeNetworkAnalysis(losses.ToImmutable(), unknown.ToImmutable(), unresolved, true);
    }

    /// <summary>Calls <paramref name="check"/> for every flow of the catalog between two endpoints of the cluster: control plane
    /// to nodes, nodes to control plane, node to node (and control-plane nodes when self-managed), and the control plane to
    /// the nodes running each webhook's and aggregated API's pods at their port. Returns the webhooks whose pods could not be resolved.</summary>
    public static ImmutableArray<string> EachFlow(ClusterTopology topology, ClusterNetwork network, FlowCatalog catalog, FlowCheck check)
    {
        var cnis = catalog.CnisIn(topology.World.Kube);
        foreach (var flow in catalog.Flows)
        {
            if (flow.To == "webhook-pods") continue;
            if (!Applies(flow, network, cnis, out var modeUncertain)) continue;
            var port = flow.FromPort;
            switch (flow.From, flow.To)
            {
                case ("control-plane", "nodes"):
                    foreach (var cp in network.ControlPlane)
                        foreach (var n in network.NodeClasses) check(flow, cp, n, port, null, modeUncertain);
                    break;
                case ("nodes", "control-plane"):
                    foreach (var n in network.NodeClasses)
                        foreach (var cp in network.ControlPlane) check(flow, n, cp, port, null, modeUncertain);
                    break;
                case ("nodes", "nodes"):
                    var all = network.NodeClasses.AddRange(network.IsEks ? [] : network.ControlPlane);
                    foreach (var a in all)
                        foreach (var b in all) check(flow, a, b, port, null, modeUncertain);
                    break;
                case ("pods-with-security-groups", "nodes"):
                    foreach (var pods in network.PodGroups)
                        foreach (var n in network.NodeClasses) check(flow, pods, n, port, null, modeUncertain);
                    break;
            }
        }

        var (targets, unresolved) = WebhookTargets.Resolve(topology);
        foreach (var target in targets)
        {
            var flow = catalog.Get(target.FlowId);
            // Pods that SecurityGroupPolicies give groups listen on their branch ENI: its groups decide.
            var podGroups = target.Workloads.Select(network.PodsOf).ToList();
            foreach (var pods in podGroups.OfType<NetworkEndpoint>().Distinct())
            {
                var dst = pods with { Nodes = target.Nodes };
                foreach (var cp in network.ControlPlane) check(flow, cp, dst, target.PodPort, target, false);
            }
            if (podGroups.All(p => p is not null)) continue;
            // hostNetwork pods listen on the node's address, others on a pod address of the node's ENIs: either way the
            // node's groups (VPC CNI puts pod addresses on ENIs that carry the primary ENI's groups).
            foreach (var dst in network.NodesAmong(target.Nodes))
                foreach (var cp in network.ControlPlane) check(flow, cp, dst, target.PodPort, target, false);
        }
        return unresolved;
    }

    /// <summary>One flow between two endpoints, at a port (null: the flow's protocol has none).</summary>
    public delegate void FlowCheck(FlowRequirement flow, NetworkEndpoint source, NetworkEndpoint destination, int? port, WebhookTarget? target, bool modeUncertain);

    /// <summary>always; eks / self-managed by the cluster's kind; cni:NAME when that CNI runs (a flow of a mode other than
    /// the CNI's default is checked too, and reported as uncertain).</summary>
    private static bool Applies(FlowRequirement flow, ClusterNetwork network, IReadOnlyList<CniDefinition> cnis, out bool modeUncertain)
    {
        modeUncertain = false;
        switch (flow.When)
        {
            case "always": return true;
            case "eks": return network.IsEks;
            case "self-managed": return !network.IsEks;
        }
        if (!flow.When.StartsWith("cni:", StringComparison.Ordinal)) return false;
        var cni = cnis.FirstOrDefault(c => c.Name == flow.When[4..]);
        if (cni is null) return false;
        modeUncertain = flow.Mode is { } m && m != cni.DefaultMode;
        return true;
    }

    /// <summary>The addresses of the changes a loss is caused by, in plan order.</summary>
    public static string Addresses(IEnumerable<ResourceChange> changes) => string.Join(", ", changes.Select(c => c.Address).Distinct(StringComparer.Ordinal));
}
