using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.Analyzers.Rules.NodeCredentials;

/// <summary>KIAC101: an instance profile that running nodes use is destroyed or replaced.</summary>
public sealed class InstanceProfileDeleted : IRule
{
    public const string Id = "KIAC101";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "node-credentials",
        "Instance profile used by running nodes is destroyed",
        Severity.Critical,
        rationale: "EC2 hands an instance its role credentials through the instance profile associated with it. " +
            "Destroying the profile - or replacing it, which destroys the object the instances are associated with even when " +
            "a new one gets the same name - leaves those instances without credentials once the current ones expire. " +
            "kubelet, the AWS cloud provider and every pod that lives on the node's credentials then fail.",
        remediation: "Keep the instance profile (remove it from the change, or `terraform state rm` it if it only leaves this " +
            "configuration), or first move the instances to another profile (aws ec2 replace-iam-instance-profile-association) " +
            "and roll the nodes; to replace it, add the new profile and re-associate before the old one is destroyed.",
        "kubelet", "cloud-controller-manager", "kube-controller-manager", "aws-node")
        .Judging(["aws_iam_instance_profile"], StateNeed.Iam, StateNeed.Instances);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        var losses = context.CredentialLosses
            .Where(l => l.Cause is CredentialLossCause.ProfileDeleted or CredentialLossCause.ProfileReplaced);
        foreach (var group in losses.GroupBy(l => l.CausedBy.Change.Address))
        {
            var list = group.ToList();
            var replaced = list[0].Cause == CredentialLossCause.ProfileReplaced;
            var what = replaced
                ? $"instance profile {list[0].Profile.Name} is replaced, and the instances stay associated with the destroyed one"
                : $"instance profile {list[0].Profile.Name} is destroyed";
            yield return NodeCredentialFindings.Build(Rule, context, list, TimeToImpact.OnCredentialRefresh, what);
        }
    }
}
