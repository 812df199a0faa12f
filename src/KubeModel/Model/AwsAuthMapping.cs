using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.KubeModel.Model;

/// <summary>One mapRoles entry of the kube-system/aws-auth ConfigMap: IAM role -> Kubernetes user and groups
/// (e.g. the node role -> system:node:{{EC2PrivateDNSName}} in system:bootstrappers, system:nodes).</summary>
public sealed record AwsAuthMapping
{
    public required string RoleArn { get; init; }

    public string? Username { get; init; }

    public ImmutableArray<string> Groups { get; init; } = [];

    public required SourceRef Source { get; init; }

    /// <summary>True when the entry lets nodes join (group system:nodes).</summary>
    public bool IsNodeMapping => Groups.Contains("system:nodes");
}
