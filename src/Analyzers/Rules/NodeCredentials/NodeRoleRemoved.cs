using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.Analyzers.Rules.NodeCredentials;

/// <summary>KIAC102: the role inside an instance profile that running nodes use is destroyed, replaced or taken out of it.</summary>
public sealed class NodeRoleRemoved : IRule
{
    public const string Id = "KIAC102";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "node-credentials",
        "Role of the nodes' instance profile is destroyed or taken out of it",
        Severity.Critical,
        rationale: "An instance profile without a role gives an instance no credentials. Destroying the role takes its " +
            "permissions away at once (Terraform detaches its policies first); replacing it creates a new role that AWS does " +
            "not put back into the profile; removing it from the profile stops IMDS from issuing credentials at the next refresh.",
        remediation: "Keep the role in the profile. To rename or rebuild the role, create the new role, put it in the profile " +
            "(aws_iam_instance_profile.role) in the same change, and only then destroy the old one; or use lifecycle " +
            "{ create_before_destroy = true } with name_prefix and point the profile at the new role.",
        "kubelet", "cloud-controller-manager", "kube-controller-manager", "aws-node")
        .Judging(["aws_iam_role", "aws_iam_instance_profile"], StateNeed.Iam, StateNeed.Instances);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        var losses = context.CredentialLosses
            .Where(l => l.Cause is CredentialLossCause.RoleDeleted or CredentialLossCause.RoleReplaced or CredentialLossCause.RoleRemovedFromProfile);
        foreach (var group in losses.GroupBy(l => l.CausedBy.Change.Address))
        {
            var list = group.ToList();
            var l0 = list[0];
            var (what, when) = l0.Cause switch
            {
                CredentialLossCause.RoleDeleted => ($"role {l0.RoleName} of instance profile {l0.Profile.Name} is destroyed", TimeToImpact.Immediate),
                CredentialLossCause.RoleReplaced => ($"role {l0.RoleName} is replaced and the new role is not put back into instance profile {l0.Profile.Name}", TimeToImpact.Immediate),
                _ => ($"role {l0.RoleName} is taken out of instance profile {l0.Profile.Name}", TimeToImpact.OnCredentialRefresh),
            };
            yield return NodeCredentialFindings.Build(Rule, context, list, when, what);
        }
    }
}
