using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.Analyzers.Rules.NodeCredentials;

/// <summary>KIAC103: the plan removes the instance profile from a running node instance.</summary>
public sealed class InstanceProfileDisassociated : IRule
{
    public const string Id = "KIAC103";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "node-credentials",
        "Instance profile is removed from running nodes",
        Severity.High,
        rationale: "Setting aws_instance.iam_instance_profile to empty disassociates the profile in place: the instance keeps " +
            "running but IMDS stops serving role credentials once the current ones expire.",
        remediation: "Keep iam_instance_profile set on node instances; to change it, set the new profile name in the same change.",
        "kubelet", "cloud-controller-manager", "kube-controller-manager", "aws-node")
        .Judging(["aws_instance"], StateNeed.Iam, StateNeed.Instances);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        var losses = context.CredentialLosses
            .Where(l => l.Cause == CredentialLossCause.ProfileDisassociated);
        foreach (var group in losses.GroupBy(l => l.CausedBy.Change.Address))
        {
            var list = group.ToList();
            yield return NodeCredentialFindings.Build(Rule, context, list, TimeToImpact.OnCredentialRefresh,
                $"instance profile {list[0].Profile.Name} is removed from the instance");
        }
    }
}
