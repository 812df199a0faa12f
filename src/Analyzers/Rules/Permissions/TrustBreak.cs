using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Cluster;
using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.AwsModel.Iam;

namespace Kalc.Iac.Analyzers.Rules.Permissions;

/// <summary>Why a principal can no longer get a role's credentials.</summary>
public enum TrustBreakKind
{
    /// <summary>The IRSA role's trust policy no longer admits the service account's token.</summary>
    IrsaTrust,

    /// <summary>The IRSA role is destroyed.</summary>
    IrsaRoleDeleted,

    /// <summary>The cluster's IAM OIDC provider is destroyed (or replaced under another ARN).</summary>
    OidcProviderRemoved,

    /// <summary>The OIDC provider no longer lists the token's audience (sts.amazonaws.com) as a client id.</summary>
    OidcAudienceDropped,

    /// <summary>The EKS Pod Identity association of the service account is destroyed.</summary>
    PodIdentityAssociationRemoved,

    /// <summary>The Pod Identity role (the association's, possibly a new one) does not trust pods.eks.amazonaws.com for it.</summary>
    PodIdentityTrust,

    /// <summary>The node role's trust policy no longer admits ec2.amazonaws.com.</summary>
    NodeTrust,
}

/// <summary>A principal losing a role's credentials: which role, who is hit, the trust evaluation before and after, the cause.</summary>
public sealed record TrustBreak
{
    public required TrustBreakKind Kind { get; init; }

    public required string RoleArn { get; init; }

    /// <summary>namespace/name for IRSA and Pod Identity.</summary>
    public string? ServiceAccount { get; init; }

    public ImmutableArray<ClusterWorkload> Workloads { get; init; } = [];

    public ImmutableArray<string> Nodes { get; init; } = [];

    public ImmutableArray<string> Instances { get; init; } = [];

    public EvaluationResult? Before { get; init; }

    public EvaluationResult? After { get; init; }

    public MappedChange? Cause { get; init; }

    /// <summary>What was checked and how its inputs were found (provider, subject, audience, association), for evidence.</summary>
    public ImmutableArray<string> Facts { get; init; } = [];

    public ImmutableArray<string> Components => Workloads.IsEmpty && ServiceAccount is { } sa
        ? [$"service-account:{sa}"]
        : [.. Workloads.Select(w => w.ComponentName).Distinct(StringComparer.Ordinal)];
}
