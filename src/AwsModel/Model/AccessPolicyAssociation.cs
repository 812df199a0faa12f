using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Model;

/// <summary>An access policy associated with an access entry (<c>eks list-associated-access-policies</c>), e.g.
/// AmazonEKSClusterAdminPolicy cluster-wide (https://docs.aws.amazon.com/eks/latest/APIReference/API_AssociatedAccessPolicy.html).</summary>
public sealed record AccessPolicyAssociation
{
    public required string ClusterName { get; init; }

    public required string PrincipalArn { get; init; }

    public required string PolicyArn { get; init; }

    /// <summary>cluster or namespace.</summary>
    public string? ScopeType { get; init; }

    public ImmutableArray<string> Namespaces { get; init; } = [];

    public required SourceRef Source { get; init; }
}
