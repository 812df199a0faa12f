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

    /// <summary>kubernetesNetworkConfig.ipFamily: ipv4 or ipv6.</summary>
    public string? IpFamily { get; init; }

    /// <summary>encryptionConfig[].provider.keyArn: the KMS keys envelope-encrypting Kubernetes secrets.</summary>
    public ImmutableArray<string> EncryptionKeyArns { get; init; } = [];

    public string? PlatformVersion { get; init; }

    public string? Status { get; init; }

    public required SourceRef Source { get; init; }
}
