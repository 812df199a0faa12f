using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Model;

/// <summary>An EKS Pod Identity association: service account -> role.</summary>
public sealed record PodIdentityAssociation
{
    public required string AssociationId { get; init; }

    public string? AssociationArn { get; init; }

    public required string ClusterName { get; init; }

    public required string Namespace { get; init; }

    public required string ServiceAccount { get; init; }

    /// <summary>Null when only listed (list-pod-identity-associations has no role).</summary>
    public string? RoleArn { get; init; }

    public required SourceRef Source { get; init; }
}
