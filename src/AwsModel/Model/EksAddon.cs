using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Model;

/// <summary>An EKS add-on (<c>eks describe-addon</c>).</summary>
public sealed record EksAddon
{
    /// <summary>vpc-cni, coredns, kube-proxy, aws-ebs-csi-driver, eks-pod-identity-agent...</summary>
    public required string Name { get; init; }

    public required string ClusterName { get; init; }

    /// <summary>"v1.16.4-eksbuild.2".</summary>
    public string? Version { get; init; }

    public string? ServiceAccountRoleArn { get; init; }

    /// <summary>podIdentityAssociations: ARNs of the EKS Pod Identity associations the add-on made.</summary>
    public ImmutableArray<string> PodIdentityAssociationArns { get; init; } = [];

    public string? Status { get; init; }

    public string? Arn { get; init; }

    public required SourceRef Source { get; init; }
}
