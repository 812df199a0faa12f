using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping.Aws;

/// <summary>aws_eks_pod_identity_association: cluster_name, namespace, service_account, role_arn, association_id.
/// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_pod_identity_association</summary>
public sealed record PodIdentityAssociationValues(
    Known<string?> AssociationId, Known<string?> ClusterName, Known<string?> Namespace, Known<string?> ServiceAccount, Known<string?> RoleArn);

public sealed record PodIdentityAssociationChange(ResourceChange Change, PodIdentityAssociationValues? Before, PodIdentityAssociationValues? After)
    : MappedChange(Change);

public sealed class PodIdentityAssociationMapper : IResourceMapper
{
    public string ResourceType => "aws_eks_pod_identity_association";

    public IReadOnlyList<string> Attributes { get; } = ["association_id", "cluster_name", "namespace", "role_arn", "service_account"];

    public MappedChange Map(ResourceChange change)
    {
        var (before, after) = PlanValues.BothSides(change, Read);
        return new PodIdentityAssociationChange(change, before, after);
    }

    private static PodIdentityAssociationValues? Read(PlanValue v) => v is PlanObject
        ? new PodIdentityAssociationValues(PlanValues.Str(v, "association_id"), PlanValues.Str(v, "cluster_name"),
            PlanValues.Str(v, "namespace"), PlanValues.Str(v, "service_account"), PlanValues.Str(v, "role_arn"))
        : null;
}
