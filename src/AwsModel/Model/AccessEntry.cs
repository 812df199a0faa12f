using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Model;

/// <summary>An EKS access entry (<c>eks describe-access-entry</c>, or only its principal from <c>eks list-access-entries</c>):
/// an IAM principal the cluster authenticates without aws-auth when its authentication mode is API or API_AND_CONFIG_MAP
/// (https://docs.aws.amazon.com/eks/latest/APIReference/API_AccessEntry.html).</summary>
public sealed record AccessEntry
{
    public required string ClusterName { get; init; }

    public required string PrincipalArn { get; init; }

    /// <summary>STANDARD, EC2_LINUX, EC2_WINDOWS, FARGATE_LINUX, EC2 or HYBRID_LINUX; null when only listed.</summary>
    public string? Type { get; init; }

    public string? Username { get; init; }

    public ImmutableArray<string> KubernetesGroups { get; init; } = [];

    public string? AccessEntryArn { get; init; }

    /// <summary>True when only <c>list-access-entries</c> named it (type, groups and username unknown).</summary>
    public bool ListedOnly { get; init; }

    public required SourceRef Source { get; init; }

    /// <summary>Entries of these types let kubelets (EC2 nodes, Fargate pods) join: EKS puts them in system:nodes itself.</summary>
    public bool IsNodeEntry => Type is "EC2_LINUX" or "EC2_WINDOWS" or "FARGATE_LINUX" or "EC2" or "HYBRID_LINUX";
}
