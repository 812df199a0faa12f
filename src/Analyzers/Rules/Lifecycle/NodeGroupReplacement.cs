using Kalc.Iac.Analyzers.Mapping.Aws;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Rules.Lifecycle;

/// <summary>KIAC701: an EKS managed node group is replaced (a new group: every node terminated) or rolled (a new version,
/// release or launch template version: nodes replaced update_config at a time), with what runs there: workloads that can run
/// only on it, single-replica workloads, and PodDisruptionBudgets that refuse the drain.</summary>
public sealed class NodeGroupReplacement : IRule, IRequiresState
{
    public const string Id = "KIAC701";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "node-lifecycle",
        "Managed node group nodes are replaced, more at once than its workloads tolerate",
        Severity.High,
        rationale: "Changing a managed node group's instance types, AMI type, subnets or launch template makes Terraform replace the group: " +
            "every node of the old group is terminated. Changing its version, release_version or launch template version rolls it: EKS " +
            "drains and replaces update_config.max_unavailable nodes (or max_unavailable_percentage; 1 by default) at a time, evicting pods " +
            "through the PodDisruptionBudgets; a budget that allows no disruption stalls the drain and the update fails after 15 minutes " +
            "(PodEvictionFailure) unless force_update_version is set, which evicts regardless.",
        remediation: "Roll nodes in small batches (update_config { max_unavailable = 1 }), give workloads more than one replica and a budget " +
            "that allows a disruption, and replace a group by creating the new one first (a new node_group_name with create_before_destroy), " +
            "moving workloads, then removing the old one.",
        "kubelet", "workloads")
        .Judging(["aws_eks_node_group"]);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<string> MissingState(AnalysisContext context)
    {
        if (!context.MappedOf<EksNodeGroupChange>().Any(c => c.Change.Kind is ChangeKind.Update or ChangeKind.Replace or ChangeKind.Delete)) yield break;
        if (!context.Before.Kube.Loaded.Contains(KubeModel.Model.KubeStateKind.Nodes) && !context.Before.Aws.Loaded.Contains(AwsStateKind.Nodegroups))
            yield return "nodes (kubectl get nodes -o json) or node groups (aws eks describe-nodegroup): needed to know which nodes a node group change replaces";
        if (!context.Before.Kube.Loaded.Contains(KubeModel.Model.KubeStateKind.Workloads))
            yield return "workloads (kubectl get deployments,statefulsets -A -o json): needed to know what runs on the replaced nodes";
        if (!context.Before.Kube.Loaded.Contains(KubeModel.Model.KubeStateKind.PodDisruptionBudgets))
            yield return "PodDisruptionBudgets (kubectl get poddisruptionbudgets -A -o json): needed to know whether the drain can proceed";
    }

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        foreach (var c in context.MappedOf<EksNodeGroupChange>())
        {
            if (c.Before?.Name.Value is not { } name) continue;
            var replaced = c.Change.Kind == ChangeKind.Replace;
            var rolled = c.Change.Kind == ChangeKind.Update && RollingTrigger(c.Before, c.After) is not null;
            if (!replaced && !rolled) continue;
            var nodes = NodeDrain.NodesOfNodegroup(context.Topology, context.Before.Aws, name);
            var stateGroup = context.Before.Aws.Nodegroups.FirstOrDefault(g => g.Name == name);
            var count = nodes.Count > 0 ? nodes.Count : stateGroup?.DesiredSize ?? c.Before.DesiredSize.Value ?? 0;
            if (count == 0) continue;
            var atOnce = replaced ? count : AtOnce(c.After!, count);
            var allAtOnce = atOnce >= count;
            var drain = NodeDrain.Of(context.Topology, context.Before.Kube, nodes);
            var force = c.After?.ForceUpdateVersion.Value == true;
            var blocked = !replaced && !force && drain.BlockingBudgets.Count > 0;
            if (!allAtOnce && !blocked && drain.SingleReplica.Count == 0) continue; // a routine rolling update
            var severity = allAtOnce && (count > 1 || drain.OnlyThere.Count > 0) ? Severity.High : blocked ? Severity.Medium : Severity.Low;
            var evidence = new List<Step>
            {
                Step.Plan(c.Change, replaced
                    ? $"node group {name} is replaced ({ReplaceReason(c.Change)}): every node of the old group is terminated"
                    : $"node group {name} rolls to {RollingTrigger(c.Before, c.After)}"),
                new(replaced ? $"{count} node(s) go at once" : $"update_config lets EKS replace {atOnce} of {count} node(s) at a time" +
                    (c.After?.MaxUnavailable.Value is null && c.After?.MaxUnavailablePercentage.Value is null ? " (no update_config: EKS's default of 1)" : ""),
                    stateGroup?.Source ?? c.Change.Source),
            };
            if (nodes.Count > 0) evidence.Add(new($"nodes of {name}: {LifecycleFindings.Join(nodes)}", context.Topology.Nodes.First(n => n.Name == nodes[0]).Source));
            evidence.AddRange(drain.Describe(allAtOnce));
            if (blocked)
                evidence.Add(Step.Reference("the update waits for the evictions and fails after 15 minutes (PodEvictionFailure); the node group is left part-updated",
                    "https://docs.aws.amazon.com/eks/latest/userguide/managed-node-update-behavior.html"));
            evidence.Add(new(replaced ? "when: immediate - as the apply replaces the group" : "when: immediate - the rolling update starts with the apply", Kalc.Iac.Core.SourceRef.Of("EKS")));
            var what = replaced ? $"Node group {name} is replaced: all {count} node(s) are terminated at once"
                : allAtOnce ? $"Node group {name} rolls all {count} node(s) at once"
                : $"Node group {name} rolls {atOnce} of {count} node(s) at a time";
            var tail = new List<string>();
            if (allAtOnce && drain.OnlyThere.Count > 0) tail.Add($"{LifecycleFindings.Plural(drain.OnlyThere.Count, "workload has", "workloads have")} nowhere else to run");
            if (drain.SingleReplica.Count > 0)
                tail.Add($"{LifecycleFindings.Plural(drain.SingleReplica.Count, "single-replica workload", "single-replica workloads")} ({LifecycleFindings.Join(drain.SingleReplica.Select(w => w.Workload.Key), 3)}) {(drain.SingleReplica.Count == 1 ? "goes" : "go")} down");
            if (blocked) tail.Add($"PodDisruptionBudget(s) {LifecycleFindings.Join(drain.BlockingBudgets.Select(b => b.Budget.Key).Distinct(), 3)} refuse the drain");
            yield return LifecycleFindings.For(Rule, c.Change, what + (tail.Count > 0 ? "; " + string.Join("; ", tail) : "") + ".",
                new Impact
                {
                    Components = [.. (allAtOnce ? drain.OnlyThere.Concat(drain.SingleReplica) : drain.SingleReplica.Concat(blocked ? drain.BlockingBudgets.Select(b => b.Workload) : []))
                        .Select(w => w.ComponentName).Distinct(StringComparer.Ordinal)],
                    Nodes = [.. nodes],
                    Instances = [.. nodes.Select(n => context.Topology.Nodes.First(x => x.Name == n).InstanceId).OfType<string>()],
                    TimeToImpact = TimeToImpact.Immediate,
                },
                evidence, severity);
        }
    }

    /// <summary>What makes EKS roll the nodes in place: a new Kubernetes version, AMI release or launch template version.</summary>
    public static string? RollingTrigger(EksNodeGroupValues before, EksNodeGroupValues? after)
    {
        if (after is null) return null;
        if (Changed(before.Version, after.Version)) return $"version {before.Version.Value} -> {Show(after.Version)}";
        if (Changed(before.ReleaseVersion, after.ReleaseVersion)) return $"release {before.ReleaseVersion.Value} -> {Show(after.ReleaseVersion)}";
        if (Changed(before.LaunchTemplateVersion, after.LaunchTemplateVersion)) return $"launch template version {before.LaunchTemplateVersion.Value} -> {Show(after.LaunchTemplateVersion)}";
        return null;
    }

    private static bool Changed(Kalc.Iac.Core.Known<string?> before, Kalc.Iac.Core.Known<string?> after) =>
        !after.IsKnown ? before.Value is not null : after.Value is not null && after.Value != before.Value;

    private static string Show(Kalc.Iac.Core.Known<string?> v) => v.IsKnown ? v.Value ?? "(default)" : "a value known after apply";

    private static int AtOnce(EksNodeGroupValues after, int count)
    {
        var group = new EksNodegroup
        {
            Name = "",
            ClusterName = "",
            MaxUnavailable = after.MaxUnavailable.Value,
            MaxUnavailablePercentage = after.MaxUnavailablePercentage.Value,
            Source = Kalc.Iac.Core.SourceRef.Of(""),
        };
        return group.NodesAtOnce(count);
    }

    private static string ReplaceReason(ResourceChange change) =>
        change.ReplacePaths.Length > 0 ? $"{LifecycleFindings.Join(change.ReplacePaths)} force a new group" : "the change forces a new group";
}
