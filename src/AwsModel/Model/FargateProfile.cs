using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Model;

/// <summary>An EKS Fargate profile (<c>eks describe-fargate-profile</c>): which pods run on Fargate, as which role, in which subnets.</summary>
public sealed record FargateProfile
{
    public required string Name { get; init; }

    public required string ClusterName { get; init; }

    public string? Arn { get; init; }

    public string? PodExecutionRoleArn { get; init; }

    public ImmutableArray<string> SubnetIds { get; init; } = [];

    public ImmutableArray<FargateSelector> Selectors { get; init; } = [];

    public string? Status { get; init; }

    public required SourceRef Source { get; init; }
}

/// <summary>selectors[]: a namespace (wildcards * and ? allowed) and labels every pod must carry.</summary>
public sealed record FargateSelector(string Namespace, ImmutableDictionary<string, string> Labels);
