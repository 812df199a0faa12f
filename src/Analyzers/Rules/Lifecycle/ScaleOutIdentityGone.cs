using Kalc.Iac.Analyzers.Mapping.Aws;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.KubeModel.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Rules.Lifecycle;

/// <summary>KIAC702: the plan destroys an instance profile, IAM role or launch template that karpenter (an EC2NodeClass's
/// role / instanceProfile) or cluster-autoscaler (the launch template of a group it scales) will use at the next scale-out,
/// whether or not a running node uses it now.</summary>
public sealed class ScaleOutIdentityGone : IRule, IRequiresState
{
    public const string Id = "KIAC702";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "node-lifecycle",
        "Instance profile, role or launch template needed at the next scale-out is destroyed",
        Severity.High,
        rationale: "karpenter launches nodes with the instance profile its EC2NodeClass names (spec.instanceProfile) or the one it makes for " +
            "spec.role; cluster-autoscaler scales Auto Scaling groups that launch from a launch template. None of them is used until the " +
            "next node is launched, so nothing fails at apply: the next scale-out, consolidation or drift replacement does " +
            "(CreateFleet/RunInstances rejects the profile or template), and pending pods stay Pending.",
        remediation: "Keep the profile, role or launch template while a node class or an autoscaled group refers to it; point the " +
            "EC2NodeClass (or the group) at the replacement first, in the same change.",
        "karpenter", "cluster-autoscaler")
        .Judging(["aws_iam_instance_profile", "aws_iam_role", "aws_launch_template", "aws_autoscaling_group"]);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<string> MissingState(AnalysisContext context)
    {
        var relevant = context.Mapped.Any(m => m.Change.RemovesObject && m is InstanceProfileChange or IamRoleChange);
        if (relevant && !context.Before.Kube.Loaded.Contains(KubeStateKind.Karpenter) && Subnets.Karpenter.MayRun(context))
            yield return "karpenter node classes (kubectl get ec2nodeclasses,nodepools -o json): needed to know which profile or role karpenter launches nodes with";
        if (context.Mapped.Any(m => m.Change.RemovesObject && m is LaunchTemplateChange) && !context.Before.Aws.Loaded.Contains(AwsStateKind.AutoScalingGroups))
            yield return "Auto Scaling groups (aws autoscaling describe-auto-scaling-groups): needed to know which groups launch from the launch template";
    }

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        foreach (var m in context.Mapped)
        {
            if (!m.Change.RemovesObject) continue;
            var finding = m switch
            {
                InstanceProfileChange p when p.Before?.Name.Value is { } name => ForKarpenter(context, p.Change, "instance profile", name,
                    c => c.InstanceProfile == name || c.ResolvedInstanceProfile == name),
                IamRoleChange r when r.Before?.Name.Value is { } name => ForKarpenter(context, r.Change, "IAM role", name,
                    c => c.Role == name || (c.Role?.StartsWith("arn:", StringComparison.Ordinal) == true && c.Role.EndsWith("/" + name, StringComparison.Ordinal))),
                LaunchTemplateChange t => ForAutoscaledGroups(context, t),
                _ => null,
            };
            if (finding is not null) yield return finding;
        }
    }

    private static Finding? ForKarpenter(AnalysisContext context, ResourceChange change, string what, string name, Func<KarpenterNodeClass, bool> uses)
    {
        var classes = context.Before.Kube.NodeClasses.Where(uses).ToList();
        if (classes.Count == 0) return null;
        var pools = context.Before.Kube.NodePools.Where(p => classes.Any(c => c.Name == p.NodeClassName)).ToList();
        var running = context.Topology.Nodes.Where(n => n.Labels.TryGetValue("karpenter.sh/nodepool", out var pool) && pools.Any(p => p.Name == pool)).Select(n => n.Name).ToList();
        var evidence = new List<Step> { Step.Plan(change, $"{what} {name} is removed") };
        foreach (var c in classes)
            evidence.Add(new($"EC2NodeClass {c.Name} launches nodes with {what} {name} ({(c.InstanceProfile == name ? "spec.instanceProfile" : c.ResolvedInstanceProfile == name ? "status.instanceProfile" : "spec.role")})", c.Source));
        foreach (var p in pools) evidence.Add(new($"NodePool {p.Name} uses EC2NodeClass {p.NodeClassName}", p.Source));
        evidence.Add(new(running.Count == 0
            ? "no running node uses it now: nothing fails at apply"
            : $"{LifecycleFindings.Plural(running.Count, "running node comes", "running nodes come")} from these pools ({LifecycleFindings.Join(running)})", Kalc.Iac.Core.SourceRef.Of("kalc-iac topology")));
        evidence.Add(Step.Reference("symptom: karpenter's launch fails (the instance profile does not exist or has no role); pending pods stay Pending and drifted nodes are not replaced",
            "https://karpenter.sh/docs/concepts/nodeclasses/#specrole"));
        evidence.Add(new("when: on-scale-out - the next node karpenter launches", Kalc.Iac.Core.SourceRef.Of("karpenter")));
        return LifecycleFindings.For(Rule, change,
            $"karpenter will need {what} {name} for the next node of {LifecycleFindings.Join(classes.Select(c => $"EC2NodeClass {c.Name}"))}" +
            (pools.Count > 0 ? $" (NodePool {LifecycleFindings.Join(pools.Select(p => p.Name))})" : "") + ", and the plan removes it: new nodes fail to launch.",
            new Impact { Components = ["karpenter"], Nodes = [.. running], TimeToImpact = TimeToImpact.OnScaleOut },
            evidence);
    }

    private static Finding? ForAutoscaledGroups(AnalysisContext context, LaunchTemplateChange t)
    {
        var id = t.Before?.Id.Value;
        var name = t.Before?.Name.Value;
        if (id is null && name is null) return null;
        // create_before_destroy with the same name is a new template the groups do not name by id.
        var groups = context.Before.Aws.AutoScalingGroups
            .Where(g => (id is not null && g.LaunchTemplateId == id) || (name is not null && g.LaunchTemplateName == name && g.LaunchTemplateId is null))
            .Where(g => g.IsClusterAutoscalerDiscoverable || context.Before.Aws.Nodegroups.Any(n => n.AutoScalingGroupNames.Contains(g.Name)))
            .ToList();
        // A group the plan moves to another template, or destroys with the template, does not launch from it afterwards.
        groups = [.. groups.Where(g => !context.MappedOf<AutoScalingGroupChange>().Any(c => c.Before?.Name.Value == g.Name
            && (c.Change.IsDelete || (c.After?.LaunchTemplateId.Value is { } after && after != id))))];
        if (groups.Count == 0) return null;
        var evidence = new List<Step> { Step.Plan(t.Change, $"launch template {name ?? id} is removed") };
        foreach (var g in groups)
            evidence.Add(new($"Auto Scaling group {g.Name} (desired {g.DesiredCapacity}, max {g.MaxSize}) launches from it" +
                (g.IsClusterAutoscalerDiscoverable ? "; cluster-autoscaler discovers it (k8s.io/cluster-autoscaler/enabled)" : "; an EKS managed node group's group"), g.Source));
        evidence.Add(Step.Reference("symptom: the group's launches fail (launch template not found); scale-out and replacement of unhealthy nodes stop",
            "https://docs.aws.amazon.com/autoscaling/ec2/userguide/ts-as-instancelaunchfailure.html"));
        evidence.Add(new("when: on-scale-out - the next instance the group launches", Kalc.Iac.Core.SourceRef.Of("Auto Scaling")));
        return LifecycleFindings.For(Rule, t.Change,
            $"Launch template {name ?? id} is removed but {LifecycleFindings.Join(groups.Select(g => g.Name))} launch nodes from it: the next scale-out fails.",
            new Impact { Components = ["cluster-autoscaler"], Instances = [.. groups.SelectMany(g => g.InstanceIds)], TimeToImpact = TimeToImpact.OnScaleOut },
            evidence);
    }
}
