using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping.Aws;

/// <summary>aws_eks_access_policy_association: cluster_name, principal_arn, policy_arn (an EKS access policy such as
/// arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy) and access_scope (type cluster or namespace, with
/// namespaces; a block in Terraform, an object in Pulumi). Every argument forces replacement.
/// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_access_policy_association</summary>
public sealed record AccessPolicyAssociationValues(Known<string?> ClusterName, Known<string?> PrincipalArn, Known<string?> PolicyArn, Known<string?> ScopeType)
{
    /// <summary>The policy's name, the last part of its ARN (AmazonEKSClusterAdminPolicy).</summary>
    public string? PolicyName => PolicyArn.Value is { } arn ? arn[(arn.LastIndexOf('/') + 1)..] : null;
}

public sealed record AccessPolicyAssociationChange(ResourceChange Change, AccessPolicyAssociationValues? Before, AccessPolicyAssociationValues? After) : MappedChange(Change);

public sealed class AccessPolicyAssociationMapper : IResourceMapper
{
    public string ResourceType => "aws_eks_access_policy_association";

    public IReadOnlyList<string> Attributes { get; } = ["cluster_name", "principal_arn", "policy_arn", "access_scope"];

    public MappedChange Map(ResourceChange change)
    {
        var (before, after) = PlanValues.BothSides(change, v => v is PlanObject
            ? new AccessPolicyAssociationValues(PlanValues.Str(v, "cluster_name"), PlanValues.Str(v, "principal_arn"), PlanValues.Str(v, "policy_arn"),
                PlanValues.Str(PlanValues.Block(v, "access_scope"), "type"))
            : null);
        var identity = before ?? after;
        return new AccessPolicyAssociationChange(change, before, after)
            .Identified(identity is not null && identity.PrincipalArn.IsKnown && identity.PolicyArn.IsKnown, "the association's principal or policy is known only after apply");
    }
}
