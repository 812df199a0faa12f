using Kalc.Iac.Analyzers.Mapping.Aws;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Rules.Lifecycle;

/// <summary>KIAC703: a self-managed node Auto Scaling group moves to another launch template (version). With an
/// instance_refresh block the provider starts a refresh that replaces the running nodes, (100 - min_healthy_percentage)% at a
/// time; without one, running nodes keep the old template and only new ones get the new one.</summary>
public sealed class AutoScalingGroupRefresh : IRule
{
    public const string Id = "KIAC703";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "node-lifecycle",
        "Node Auto Scaling group's launch template change replaces nodes through an instance refresh",
        Severity.Medium,
        rationale: "When an aws_autoscaling_group with an instance_refresh block changes its launch template (or mixed instances policy), " +
            "the AWS provider starts an instance refresh: Auto Scaling terminates and replaces running instances, keeping " +
            "min_healthy_percentage (90 by default) in service. Auto Scaling does not drain Kubernetes nodes or honour " +
            "PodDisruptionBudgets unless a lifecycle hook does; with a low min_healthy_percentage many nodes go at once.",
        remediation: "Keep min_healthy_percentage high (90-100 with max_healthy_percentage above 100), drain nodes through a termination " +
            "lifecycle hook (aws-node-termination-handler), or roll the nodes yourself; without instance_refresh, plan how the running nodes " +
            "will pick up the new template.",
        "kubelet", "workloads")
        .Judging(["aws_autoscaling_group"]);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        foreach (var c in context.MappedOf<AutoScalingGroupChange>())
        {
            if (c.Change.Kind != ChangeKind.Update || c.Before?.Name.Value is not { } name || c.After is null || !c.After.HasInstanceRefresh) continue;
            if (!TemplateChanges(c.Before, c.After)) continue;
            var group = context.Before.Aws.AutoScalingGroups.FirstOrDefault(g => g.Name == name);
            var nodes = NodeDrain.NodesOfGroups(context.Topology, context.Before.Aws, new HashSet<string>(StringComparer.Ordinal) { name });
            var count = nodes.Count > 0 ? nodes.Count : group?.DesiredCapacity ?? c.Before.DesiredCapacity.Value ?? 0;
            if (count == 0) continue;
            var minHealthy = c.After.MinHealthyPercentage.Value ?? 90;
            var atOnce = Math.Clamp((int)Math.Ceiling(count * (100 - minHealthy) / 100.0), 1, count);
            var drain = NodeDrain.Of(context.Topology, context.Before.Kube, nodes);
            var allAtOnce = atOnce >= count;
            var evidence = new List<Step>
            {
                Step.Plan(c.Change, $"Auto Scaling group {name} moves to launch template {c.After.LaunchTemplateName.Value ?? c.After.LaunchTemplateId.Value} version {Show(c.After.LaunchTemplateVersion)}" +
                    $" (was {c.Before.LaunchTemplateVersion.Value}); its instance_refresh block starts a refresh"),
                new($"min_healthy_percentage {minHealthy}: {atOnce} of {count} instance(s) replaced at a time, without a Kubernetes drain", group?.Source ?? c.Change.Source),
            };
            evidence.AddRange(drain.Describe(allAtOnce));
            evidence.Add(Step.Reference("Auto Scaling terminates instances without evicting pods; PodDisruptionBudgets are not consulted",
                "https://docs.aws.amazon.com/autoscaling/ec2/userguide/asg-instance-refresh.html"));
            evidence.Add(new("when: immediate - the refresh starts with the apply", Kalc.Iac.Core.SourceRef.Of("Auto Scaling")));
            yield return LifecycleFindings.For(Rule, c.Change,
                $"Auto Scaling group {name} refreshes {(allAtOnce ? $"all {count}" : $"{atOnce} of {count}")} node(s) at a time without draining them" +
                (drain.SingleReplica.Count > 0 ? $"; {LifecycleFindings.Plural(drain.SingleReplica.Count, "single-replica workload goes", "single-replica workloads go")} down" : "") + ".",
                new Impact
                {
                    Components = [.. drain.OnlyThere.Concat(drain.SingleReplica).Select(w => w.ComponentName).Distinct(StringComparer.Ordinal)],
                    Nodes = [.. nodes],
                    Instances = [.. group?.InstanceIds ?? []],
                    TimeToImpact = TimeToImpact.Immediate,
                },
                evidence, allAtOnce && count > 1 ? Severity.High : Severity.Medium);
        }
    }

    private static bool TemplateChanges(AutoScalingGroupValues before, AutoScalingGroupValues after) =>
        !after.LaunchTemplateVersion.IsKnown || after.LaunchTemplateVersion.Value != before.LaunchTemplateVersion.Value
        || !after.LaunchTemplateId.IsKnown || after.LaunchTemplateId.Value != before.LaunchTemplateId.Value;

    private static string Show(Kalc.Iac.Core.Known<string?> v) => v.IsKnown ? v.Value ?? "$Default" : "(known after apply)";
}
