using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Model;

/// <summary>An EKS cluster (<c>eks describe-cluster</c>).</summary>
public sealed record EksCluster
{
    public required string Name { get; init; }

    public string? Arn { get; init; }

    public string? Version { get; init; }

    public string? RoleArn { get; init; }

    /// <summary>identity.oidc.issuer, e.g. <c>https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLE</c>.</summary>
    public string? OidcIssuer { get; init; }

    public string? VpcId { get; init; }

    public string? ServiceIpv4Cidr { get; init; }

    /// <summary>accessConfig.authenticationMode: CONFIG_MAP, API_AND_CONFIG_MAP or API; null when the output predates
    /// access entries (then CONFIG_MAP, https://docs.aws.amazon.com/eks/latest/userguide/grant-k8s-access.html).</summary>
    public string? AuthenticationMode { get; init; }

    /// <summary>resourcesVpcConfig.securityGroupIds: the additional groups on the control plane's ENIs.</summary>
    public ImmutableArray<string> SecurityGroupIds { get; init; } = [];

    /// <summary>resourcesVpcConfig.clusterSecurityGroupId: the group EKS creates and puts on the control plane's ENIs and managed nodes.</summary>
    public string? ClusterSecurityGroupId { get; init; }

    public ImmutableArray<string> SubnetIds { get; init; } = [];

    public bool? EndpointPublicAccess { get; init; }

    public bool? EndpointPrivateAccess { get; init; }

    /// <summary>The groups on the control plane's ENIs: the cluster security group and the additional ones.</summary>
    public IEnumerable<string> ControlPlaneGroupIds => ClusterSecurityGroupId is { } c ? SecurityGroupIds.Prepend(c).Distinct() : SecurityGroupIds;
    /// <summary>kubernetesNetworkConfig.ipFamily: ipv4 or ipv6.</summary>
    public string? IpFamily { get; init; }

    /// <summary>encryptionConfig[].provider.keyArn: the KMS keys envelope-encrypting Kubernetes secrets.</summary>
    public ImmutableArray<string> EncryptionKeyArns { get; init; } = [];

    public string? PlatformVersion { get; init; }

    public string? Status { get; init; }

    public required SourceRef Source { get; init; }
}
