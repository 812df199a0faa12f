using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Rules.Lifecycle;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.Analyzers.Rules.Subnets;

/// <summary>KIAC602: a karpenter EC2NodeClass's subnetSelectorTerms select fewer zones, or no subnet at all, once the plan
/// removes the tags they match (karpenter.sh/discovery, usually) or destroys the subnets.</summary>
public sealed class KarpenterSubnetsLost : IRule, IRequiresState
{
    public const string Id = "KIAC602";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "subnets",
        "karpenter node class no longer selects the subnets it launches nodes into",
        Severity.High,
        rationale: "karpenter launches every node into a subnet chosen by the EC2NodeClass's subnetSelectorTerms (terms are ORed; all tags " +
            "of a term must match). When the plan removes the tag the terms match - typically karpenter.sh/discovery - or destroys the " +
            "subnets, the node class resolves to fewer zones or to none: pods that need new capacity stay Pending, and drift " +
            "replacement and consolidation stop.",
        remediation: "Keep the selector tags on the subnets (merge them into the tags map or set them with aws_ec2_tag), or change the " +
            "EC2NodeClass's subnetSelectorTerms to the subnets that remain before applying.",
        "karpenter")
        .Judging(["aws_subnet", "aws_ec2_tag"], StateNeed.Subnets);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<string> MissingState(AnalysisContext context)
    {
        if (SubnetTagChanges.Find(context.Before.Aws, context.Mapped).Count == 0) yield break;
        if (!context.Before.Kube.Loaded.Contains(KubeStateKind.Karpenter) && Karpenter.MayRun(context))
            yield return "karpenter node classes (kubectl get ec2nodeclasses,nodepools -o json): needed to know which subnets karpenter launches nodes into";
    }

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        var changes = SubnetTagChanges.Find(context.Before.Aws, context.Mapped);
        if (changes.Count == 0) yield break;
        var byId = changes.ToDictionary(c => c.Subnet.SubnetId, StringComparer.Ordinal);
        foreach (var nodeClass in context.Before.Kube.NodeClasses)
        {
            var before = context.Before.Aws.Subnets.Where(s => Selects(nodeClass, s.SubnetId, s.Tags)).ToList();
            var lost = before.Where(s => byId.TryGetValue(s.SubnetId, out var c) && (c.Destroyed || !Selects(nodeClass, s.SubnetId, c.TagsAfter!))).ToList();
            if (lost.Count == 0) continue;
            var after = before.Except(lost).ToList();
            var zonesBefore = before.Select(s => s.AvailabilityZone ?? s.SubnetId).Distinct(StringComparer.Ordinal).ToList();
            var zonesLost = zonesBefore.Except(after.Select(s => s.AvailabilityZone ?? s.SubnetId), StringComparer.Ordinal).ToList();
            if (zonesLost.Count == 0) continue;
            var pools = context.Before.Kube.NodePools.Where(p => p.NodeClassName == nodeClass.Name).Select(p => p.Name).ToList();
            // One finding per node class: the changes that take its subnets are listed together, the first one is the cause.
            foreach (var cause in new[] { lost })
            {
                var first = byId[cause.First().SubnetId];
                var evidence = new List<Step>();
                foreach (var s in cause)
                {
                    var c = byId[s.SubnetId];
                    evidence.Add(Step.Plan(c.Cause, c.Destroyed ? $"subnet {s.SubnetId} is destroyed" : $"subnet {s.SubnetId} loses tag(s) {LifecycleFindings.Join(s.Tags.Keys.Where(k => c.Loses(k)))}"));
                }
                evidence.Add(new($"EC2NodeClass {nodeClass.Name} selects subnets by {LifecycleFindings.Join(nodeClass.SubnetSelectorTerms.Select(t => t.ToString()))}: " +
                    $"{LifecycleFindings.Plural(before.Count, "subnet", "subnets")} now, {after.Count} after apply", nodeClass.Source));
                if (pools.Count > 0)
                    evidence.Add(new($"NodePool(s) {LifecycleFindings.Join(pools)} launch nodes with it", context.Before.Kube.NodePools.First(p => p.NodeClassName == nodeClass.Name).Source));
                evidence.Add(Step.Reference(after.Count == 0
                        ? "symptom: karpenter cannot resolve any subnet for the node class; no node can be launched (NodeClass not ready)"
                        : $"symptom: karpenter can no longer launch nodes in zone(s) {LifecycleFindings.Join(zonesLost)}; pods that need those zones (topology spread, zonal volumes) stay Pending",
                    "https://karpenter.sh/docs/concepts/nodeclasses/#specsubnetselectorterms"));
                evidence.Add(new("when: on-scale-out - the next time karpenter launches a node for this class", Kalc.Iac.Core.SourceRef.Of("karpenter")));
                yield return LifecycleFindings.For(Rule, first.Cause,
                    after.Count == 0
                        ? $"EC2NodeClass {nodeClass.Name} selects no subnet after this change: karpenter cannot launch nodes{(pools.Count > 0 ? $" for NodePool(s) {LifecycleFindings.Join(pools)}" : "")}."
                        : $"EC2NodeClass {nodeClass.Name} loses zone(s) {LifecycleFindings.Join(zonesLost)}: karpenter cannot launch nodes there.",
                    new Impact { Components = ["karpenter"], TimeToImpact = TimeToImpact.OnScaleOut },
                    evidence, after.Count == 0 ? Severity.High : Severity.Medium);
            }
        }
    }

    private static bool Selects(KarpenterNodeClass nodeClass, string subnetId, IReadOnlyDictionary<string, string> tags) =>
        nodeClass.SubnetSelectorTerms.Any(t => t.Selects(subnetId, tags.TryGetValue("Name", out var n) ? n : null, tags));
}
