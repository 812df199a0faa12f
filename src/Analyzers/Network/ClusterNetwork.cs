using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Cluster;
using Kalc.Iac.Analyzers.Rules.Kubespray;
using Kalc.Iac.AwsModel.Model;

namespace Kalc.Iac.Analyzers.Network;

/// <summary>The network endpoints of the cluster in the world before the change: its nodes grouped by the security groups
/// their instances carry (nodes with the same groups pass or fail the same rules, so 2,000 nodes are a handful of
/// endpoints), and the control plane (EKS: the cluster security group and additional groups on its ENIs; self-managed:
/// the control-plane nodes).</summary>
public sealed class ClusterNetwork
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ClusterTopology, ClusterNetwork> ByTopology = new();

    /// <summary>The network of <paramref name="topology"/>, worked out once for the analyses that ask (the node flows and
    /// the removed groups: one per node of the cluster each, otherwise).</summary>
    public static ClusterNetwork Of(ClusterTopology topology) => ByTopology.GetValue(topology, t => new ClusterNetwork(t));

    public ClusterNetwork(ClusterTopology topology)
    {
        var aws = topology.World.Aws;
        Cluster = PickCluster(aws, topology);
        var byGroups = new Dictionary<string, (List<Ec2Instance> Instances, List<string> Nodes, bool ControlPlane)>(StringComparer.Ordinal);
        foreach (var node in topology.Nodes)
        {
            if (topology.InstanceOf(node) is not { IsLive: true } instance) continue;
            var controlPlane = Cluster is null && node.IsControlPlane;
            var key = (controlPlane ? "cp|" : "") + string.Join(",", instance.SecurityGroupIds.Order(StringComparer.Ordinal));
            if (!byGroups.TryGetValue(key, out var entry)) byGroups[key] = entry = ([], [], controlPlane);
            entry.Instances.Add(instance);
            entry.Nodes.Add(node.Name);
        }
        var nodes = ImmutableArray.CreateBuilder<NetworkEndpoint>();
        var controlPlaneNodes = new List<NetworkEndpoint>();
        foreach (var (_, (instances, names, controlPlane)) in byGroups.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var endpoint = new NetworkEndpoint
            {
                Name = $"{(controlPlane ? "control-plane " : "")}{Plural(names.Count, "node")} with {string.Join(", ", instances[0].SecurityGroupIds)}",
                GroupIds = instances[0].SecurityGroupIds,
                GroupsKnown = aws.Loaded.Contains(AwsStateKind.Instances),
                Addresses = [.. instances.Select(i => Cidr.TryParse(i.PrivateIpAddress + "/32", out var c) ? c : (Cidr?)null).OfType<Cidr>()],
                Instances = [.. instances.Select(i => i.InstanceId)],
                Nodes = [.. names],
            };
            (controlPlane ? controlPlaneNodes : (ICollection<NetworkEndpoint>)nodes).Add(endpoint);
        }
        NodeClasses = nodes.ToImmutable();
        ControlPlane = Cluster is { } c ? [EksControlPlane(c, aws)] : [.. controlPlaneNodes];
        (PodGroups, podGroupOf) = PodsWithSecurityGroups(topology, Cluster);
    }

    private readonly Dictionary<string, NetworkEndpoint> podGroupOf;

    /// <summary>Pods with their own security groups (security groups for pods): one endpoint per set of groups, those the
    /// SecurityGroupPolicies give workloads and those pods' branch ENIs carry, with the branch ENIs' addresses.</summary>
    public ImmutableArray<NetworkEndpoint> PodGroups { get; }

    /// <summary>The pods' endpoint of a workload that SecurityGroupPolicies give security groups, or null (its pods use the node's).</summary>
    public NetworkEndpoint? PodsOf(KubeModel.Model.Workload workload) => podGroupOf.GetValueOrDefault(workload.Key);

    /// <summary>In strict mode (the VPC CNI's default, POD_SECURITY_GROUP_ENFORCING_MODE) only the branch ENI's groups
    /// apply to such pods' traffic, not the node's (https://docs.aws.amazon.com/eks/latest/userguide/security-groups-for-pods.html).</summary>
    private static (ImmutableArray<NetworkEndpoint>, Dictionary<string, NetworkEndpoint>) PodsWithSecurityGroups(ClusterTopology topology, EksCluster? cluster)
    {
        var world = topology.World;
        var byWorkload = new Dictionary<string, string>(StringComparer.Ordinal);
        var sets = new SortedDictionary<string, (ImmutableArray<string> Groups, List<NetworkInterface> Enis, List<string> Workloads)>(StringComparer.Ordinal);
        (ImmutableArray<string>, List<NetworkInterface>, List<string>) Set(IEnumerable<string> groups)
        {
            var ordered = groups.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
            var key = string.Join(",", ordered);
            if (!sets.TryGetValue(key, out var set)) sets[key] = set = (ordered, [], []);
            return set;
        }
        if (!world.Kube.SecurityGroupPolicies.IsEmpty)
            foreach (var w in world.Kube.Workloads)
            {
                if (w.HostNetwork) continue;
                var groups = world.Kube.SecurityGroupPolicies.Where(p => p.Selects(w)).SelectMany(p => p.GroupIds).ToList();
                if (groups.Count == 0) continue;
                var set = Set(groups);
                set.Item3.Add($"{w.Kind} {w.Namespace}/{w.Name}");
                byWorkload[w.Key] = string.Join(",", set.Item1);
            }
        foreach (var eni in world.Aws.NetworkInterfaces)
            if (eni.IsPodBranch && !eni.SecurityGroupIds.IsEmpty && (cluster?.VpcId is not { } vpc || eni.VpcId is null || eni.VpcId == vpc))
                Set(eni.SecurityGroupIds).Item2.Add(eni);
        var endpoints = new Dictionary<string, NetworkEndpoint>(StringComparer.Ordinal);
        foreach (var (key, (groups, enis, workloads)) in sets)
            endpoints[key] = new NetworkEndpoint
            {
                Name = $"pods with {string.Join(", ", groups)} (security groups for pods" +
                    (workloads.Count > 0 ? $": {string.Join(", ", workloads.Take(3))}{(workloads.Count > 3 ? ", ..." : "")}" : "") +
                    (enis.Count > 0 ? $"; {Plural(enis.Count, "branch ENI")}" : "") + ")",
                GroupIds = groups,
                Addresses = [.. enis.Select(e => Cidr.TryParse(e.PrivateIpAddress + "/32", out var c) ? c : (Cidr?)null).OfType<Cidr>()],
            };
        return ([.. endpoints.Values], byWorkload.ToDictionary(x => x.Key, x => endpoints[x.Value], StringComparer.Ordinal));
    }

    /// <summary>The EKS cluster the nodes belong to, or null for a self-managed cluster.</summary>
    public EksCluster? Cluster { get; }

    public ImmutableArray<NetworkEndpoint> NodeClasses { get; }

    public ImmutableArray<NetworkEndpoint> ControlPlane { get; }

    public bool IsEks => Cluster is not null;

    /// <summary>The node endpoints restricted to <paramref name="nodeNames"/> (where a workload's pods may run).</summary>
    public IEnumerable<NetworkEndpoint> NodesAmong(IReadOnlyCollection<string> nodeNames)
    {
        var set = nodeNames as IReadOnlySet<string> ?? nodeNames.ToHashSet(StringComparer.Ordinal);
        foreach (var c in NodeClasses)
        {
            var names = c.Nodes.Where(set.Contains).ToList();
            if (names.Count == 0) continue;
            if (names.Count == c.Nodes.Length) { yield return c; continue; }
            var keep = c.Nodes.Select((n, i) => (n, i)).Where(x => set.Contains(x.n)).Select(x => x.i).ToList();
            yield return c with
            {
                Name = $"{Plural(keep.Count, "node")} with {string.Join(", ", c.GroupIds)}",
                Nodes = [.. keep.Select(i => c.Nodes[i])],
                Instances = [.. keep.Select(i => c.Instances[i])],
                Addresses = c.Addresses.Length == c.Nodes.Length ? [.. keep.Select(i => c.Addresses[i])] : c.Addresses,
            };
        }
    }

    private static EksCluster? PickCluster(AwsState aws, ClusterTopology topology)
    {
        if (aws.EksClusters.Length <= 1) return aws.EksClusters.FirstOrDefault();
        var vpcs = topology.Nodes.Select(topology.InstanceOf).OfType<Ec2Instance>().Select(i => i.VpcId).OfType<string>()
            .GroupBy(v => v, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        return aws.EksClusters.FirstOrDefault(c => c.VpcId == vpcs) ?? aws.EksClusters[0];
    }

    /// <summary>The EKS control plane reaches into the VPC through ENIs in the cluster's subnets, carrying the cluster
    /// security group and the additional ones (https://docs.aws.amazon.com/eks/latest/userguide/sec-group-reqs.html).
    /// Their addresses: the ENIs' own when describe-network-interfaces lists them ("Amazon EKS CLUSTER"), else the subnets'.</summary>
    private static NetworkEndpoint EksControlPlane(EksCluster cluster, AwsState aws)
    {
        var enis = aws.NetworkInterfaces.Where(n => n.Description == "Amazon EKS " + cluster.Name).ToList();
        var addresses = enis.Count > 0
            ? enis.Select(n => Cidr.TryParse(n.PrivateIpAddress + "/32", out var c) ? c : (Cidr?)null).OfType<Cidr>()
            : aws.Subnets.Where(s => cluster.SubnetIds.Contains(s.SubnetId))
                .SelectMany(s => new[] { s.CidrBlock }.Concat(s.Ipv6CidrBlocks))
                .Select(t => Cidr.TryParse(t, out var c) ? c : (Cidr?)null).OfType<Cidr>();
        var groups = cluster.ControlPlaneGroupIds.ToImmutableArray();
        return new NetworkEndpoint
        {
            Name = $"the EKS control plane of {cluster.Name}",
            GroupIds = groups,
            GroupsKnown = !groups.IsEmpty,
            Addresses = [.. addresses],
        };
    }

    internal static string Plural(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";
}
