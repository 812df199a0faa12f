using Kalc.Iac.Analyzers.Cluster;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.Analyzers.Rules.Lifecycle;

/// <summary>What draining a set of nodes meets: workloads that can run only there (they go down with the nodes when all go at
/// once), single-replica workloads (down until rescheduled), and PodDisruptionBudgets that refuse the evictions a drain makes.</summary>
public sealed record NodeDrain(
    IReadOnlyList<KubeNode> Nodes,
    IReadOnlyList<ClusterWorkload> OnlyThere,
    IReadOnlyList<ClusterWorkload> SingleReplica,
    IReadOnlyList<(PodDisruptionBudget Budget, ClusterWorkload Workload, int Allowed)> BlockingBudgets)
{
    public static NodeDrain Of(ClusterTopology topology, KubeState kube, IReadOnlyCollection<string> nodeNames)
    {
        var names = nodeNames.ToHashSet(StringComparer.Ordinal);
        var nodes = topology.Nodes.Where(n => names.Contains(n.Name)).ToList();
        var there = topology.Workloads.Where(w => w.Workload.Kind is not ("DaemonSet" or "Job" or "CronJob") && !w.Workload.IsStaticPod
            && w.Placement.Nodes.Any(names.Contains)).ToList();
        var onlyThere = there.Where(w => w.Placement.Nodes.All(names.Contains)).ToList();
        var single = there.Where(w => w.Workload.Replicas is 1 || (w.Workload.Kind == "Pod" && w.Workload.OwnedBy is null)).ToList();
        var blocking = new List<(PodDisruptionBudget, ClusterWorkload, int)>();
        foreach (var pdb in kube.PodDisruptionBudgets)
        {
            foreach (var w in there.Where(w => w.Workload.Namespace == pdb.Namespace && pdb.Selector.Matches(w.Workload.PodLabels)))
            {
                var allowed = pdb.DisruptionsAllowed ?? pdb.AllowedFor(w.Workload.Replicas ?? 1);
                if (allowed <= 0) blocking.Add((pdb, w, allowed));
            }
        }
        return new NodeDrain(nodes, onlyThere, single, blocking);
    }

    /// <summary>The nodes of an EKS managed node group: labelled eks.amazonaws.com/nodegroup, else on the instances of its Auto Scaling groups.</summary>
    public static List<string> NodesOfNodegroup(ClusterTopology topology, AwsState aws, string name)
    {
        var labelled = topology.Nodes.Where(n => n.Labels.TryGetValue("eks.amazonaws.com/nodegroup", out var g) && g == name).Select(n => n.Name).ToList();
        if (labelled.Count > 0) return labelled;
        var groups = aws.Nodegroups.Where(g => g.Name == name).SelectMany(g => g.AutoScalingGroupNames).ToHashSet(StringComparer.Ordinal);
        return NodesOfGroups(topology, aws, groups);
    }

    public static List<string> NodesOfGroups(ClusterTopology topology, AwsState aws, IReadOnlySet<string> groupNames) =>
        [.. aws.AutoScalingGroups.Where(g => groupNames.Contains(g.Name)).SelectMany(g => g.InstanceIds)
            .Select(topology.NodeOf).OfType<KubeNode>().Select(n => n.Name).Distinct(StringComparer.Ordinal)];

    /// <summary>Evidence lines for what the drain meets, at most a few of each.</summary>
    public IEnumerable<Step> Describe(bool allAtOnce)
    {
        foreach (var w in (allAtOnce ? OnlyThere : []).Take(6))
            yield return new($"{w.Workload.Key} ({w.Workload.Replicas ?? 1} replica(s)) can run only on these nodes: it is down until the new nodes are Ready", w.Workload.Source);
        foreach (var w in SingleReplica.Where(w => !allAtOnce || !OnlyThere.Contains(w)).Take(6))
            yield return new($"{w.Workload.Key} has a single replica here: it is down while its pod is evicted and rescheduled", w.Workload.Source);
        foreach (var (pdb, w, allowed) in BlockingBudgets.Take(6))
            yield return new($"PodDisruptionBudget {pdb.Key} allows {allowed} disruption(s) of {w.Workload.Key}" +
                $" ({(pdb.MinAvailable is { } min ? $"minAvailable {min}" : $"maxUnavailable {pdb.MaxUnavailable}")}): every eviction of its pods is refused and the drain waits", pdb.Source);
    }
}
