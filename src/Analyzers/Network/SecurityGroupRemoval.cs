using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Cluster;
using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.Analyzers.Mapping.Aws;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Network;

/// <summary>A security group the plan destroys or replaces while parts of the cluster carry it: the running nodes'
/// instances, ENIs (the nodes', pods' branch ENIs, the EKS control plane's) and the cluster's own configuration, with the
/// flows of the catalog that pass only through this group's rules (they stop once the group is gone from those ENIs).</summary>
public sealed record RemovedGroup
{
    public required ResourceChange Change { get; init; }

    public required string GroupId { get; init; }

    public string? GroupName { get; init; }

    /// <summary>Live instances of cluster nodes that carry the group.</summary>
    public ImmutableArray<Ec2Instance> Instances { get; init; } = [];

    public ImmutableArray<string> Nodes { get; init; } = [];

    /// <summary>ENIs of the cluster that carry the group (nodes', pods' branch ENIs, the control plane's).</summary>
    public ImmutableArray<NetworkInterface> Interfaces { get; init; } = [];

    /// <summary>"cluster security group of prod-eu" / "additional security group of prod-eu", when the cluster names it.</summary>
    public string? ClusterRole { get; init; }

    /// <summary>Where the cluster names it (its describe-cluster output).</summary>
    public Kalc.Iac.Core.SourceRef? ClusterSource { get; init; }

    public ImmutableArray<FlowLoss> Losses { get; init; } = [];

    /// <summary>False when the group's rules are not in the state: which flows stop is unknown.</summary>
    public bool RulesKnown { get; init; }

    public bool Attached => !Instances.IsEmpty || !Interfaces.IsEmpty || ClusterRole is not null;
}

/// <summary>Finds the security groups the plan destroys or replaces (<c>aws_security_group</c> delete, replace, create before
/// destroy) and what of the cluster carries them; evaluates the catalog's flows as if the group were gone from every ENI
/// (its rules, and other groups' rules that reference it, allow nothing).</summary>
public static class SecurityGroupRemoval
{
    /// <param name="groups">The plan's changes of security groups (<c>AnalysisContext.MappedOf</c>).</param>
    public static ImmutableArray<RemovedGroup> Run(ClusterTopology topology, IReadOnlyList<SecurityGroupChange> groups, FlowCatalog catalog)
    {
        var removed = groups
            .Where(g => g.Status == MappingStatus.Analysed && g.Change.Kind is ChangeKind.Delete or ChangeKind.Replace && g.Before?.Id.Value is not null)
            .ToList();
        if (removed.Count == 0) return [];
        var aws = topology.World.Aws;
        var network = ClusterNetwork.Of(topology);
        var before = SecurityGroupRuleSet.Of(aws);
        var clusterInstances = topology.Nodes.Select(topology.InstanceOf).OfType<Ec2Instance>().Where(i => i.IsLive)
            .ToDictionary(i => i.InstanceId, StringComparer.Ordinal);
        // Who carries each group, listed once (a plan may destroy thousands of groups, a fleet have thousands of instances).
        var instancesByGroup = ByGroup(clusterInstances.Values, i => i.SecurityGroupIds);
        var enisByGroup = ByGroup(aws.NetworkInterfaces.Where(n => OfCluster(n, network, clusterInstances)), n => n.SecurityGroupIds);
        var result = ImmutableArray.CreateBuilder<RemovedGroup>();
        foreach (var g in removed)
        {
            var id = g.Before!.Id.Value!;
            var instances = instancesByGroup.TryGetValue(id, out var carrying)
                ? carrying.OrderBy(i => i.InstanceId, StringComparer.Ordinal).ToImmutableArray() : [];
            var nodes = instances.Select(i => topology.NodeOf(i.InstanceId)?.Name).OfType<string>().ToImmutableArray();
            var enis = enisByGroup.TryGetValue(id, out var interfaces) ? interfaces.ToImmutableArray() : [];
            var cluster = network.Cluster;
            var role = cluster is null ? null
                : cluster.ClusterSecurityGroupId == id ? $"cluster security group of {cluster.Name}"
                : cluster.SecurityGroupIds.Contains(id) ? $"additional security group of {cluster.Name}'s control plane" : null;
            var entry = new RemovedGroup
            {
                Change = g.Change, GroupId = id, GroupName = g.Before.Name.Value, Instances = instances, Nodes = nodes,
                Interfaces = enis, ClusterRole = role, ClusterSource = role is null ? null : cluster!.Source, RulesKnown = before.Knows(id),
            };
            if (entry.Attached && entry.RulesKnown) entry = entry with { Losses = Losses(topology, network, catalog, before, id, g.Change) };
            result.Add(entry);
        }
        return result.ToImmutable();
    }

    /// <summary>The items that carry each security group, each once per group, in the order given.</summary>
    private static Dictionary<string, List<T>> ByGroup<T>(IEnumerable<T> items, Func<T, IEnumerable<string>> groups)
    {
        var byGroup = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        foreach (var item in items)
            foreach (var group in groups(item).Distinct(StringComparer.Ordinal))
            {
                if (!byGroup.TryGetValue(group, out var list)) byGroup[group] = list = [];
                list.Add(item);
            }
        return byGroup;
    }

    /// <summary>An ENI of the cluster: a node instance's, a pod's branch ENI in the cluster's VPC, or the EKS control plane's.</summary>
    private static bool OfCluster(NetworkInterface eni, ClusterNetwork network, Dictionary<string, Ec2Instance> instances) =>
        (eni.InstanceId is { } i && instances.ContainsKey(i))
        || (eni.IsPodBranch && (network.Cluster?.VpcId is not { } vpc || eni.VpcId is null || eni.VpcId == vpc))
        || (network.Cluster is { } c && eni.Description == "Amazon EKS " + c.Name);

    private static ImmutableArray<FlowLoss> Losses(ClusterTopology topology, ClusterNetwork network, FlowCatalog catalog, SecurityGroupRuleSet before, string id, ResourceChange change)
    {
        // Gone from every ENI: its own rules allow nothing, nor do other groups' rules that name it as their peer.
        var rules = new Dictionary<string, ImmutableArray<SecurityGroupRule>>(StringComparer.Ordinal);
        foreach (var (group, list) in before.Rules)
            if (group != id) rules[group] = list.Any(r => r.ReferencedGroupId == id) ? [.. list.Where(r => r.ReferencedGroupId != id)] : list;
        var after = new SecurityGroupRuleSet(rules, before.Unknown, before.Deleted.Append(id).ToHashSet(StringComparer.Ordinal));
        var losses = ImmutableArray.CreateBuilder<FlowLoss>();
        NodeNetworkAnalysis.EachFlow(topology, network, catalog, (flow, src, dst, port, target, modeUncertain) =>
        {
            if (!src.GroupIds.Contains(id) && !dst.GroupIds.Contains(id)) return;
            var was = SecurityGroupEvaluator.Evaluate(before, src, dst, flow.Protocol, port);
            if (was.Reach != Reach.Allowed) return;
            var now = SecurityGroupEvaluator.Evaluate(after, src, dst, flow.Protocol, port);
            if (now.Reach != Reach.Denied) return;
            losses.Add(new FlowLoss { Flow = flow, Port = port, Source = src, Destination = dst, Before = was, After = now, Target = target, CausedBy = [change], ModeUncertain = modeUncertain });
        });
        return losses.ToImmutable();
    }
}
