using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Model;

/// <summary>An EKS managed node group (<c>eks describe-nodegroup</c>).</summary>
public sealed record EksNodegroup
{
    public required string Name { get; init; }

    public required string ClusterName { get; init; }

    public string? Arn { get; init; }

    /// <summary>Kubernetes minor version of the nodes ("1.29").</summary>
    public string? Version { get; init; }

    /// <summary>AMI release version ("1.29.0-20240129").</summary>
    public string? ReleaseVersion { get; init; }

    public string? AmiType { get; init; }

    public string? CapacityType { get; init; }

    public ImmutableArray<string> InstanceTypes { get; init; } = [];

    public ImmutableArray<string> SubnetIds { get; init; } = [];

    public string? NodeRoleArn { get; init; }

    public int MinSize { get; init; }

    public int MaxSize { get; init; }

    public int DesiredSize { get; init; }

    /// <summary>updateConfig.maxUnavailable: nodes replaced at once in a rolling update.</summary>
    public int? MaxUnavailable { get; init; }

    /// <summary>updateConfig.maxUnavailablePercentage.</summary>
    public int? MaxUnavailablePercentage { get; init; }

    public string? LaunchTemplateId { get; init; }

    public string? LaunchTemplateName { get; init; }

    public string? LaunchTemplateVersion { get; init; }

    /// <summary>resources.autoScalingGroups[].name: the Auto Scaling groups EKS made for the group.</summary>
    public ImmutableArray<string> AutoScalingGroupNames { get; init; } = [];

    public ImmutableDictionary<string, string> Labels { get; init; } = ImmutableDictionary<string, string>.Empty;

    public string? Status { get; init; }

    public required SourceRef Source { get; init; }

    /// <summary>How many nodes a rolling update takes down at once (EKS's default when updateConfig is absent is 1).
    /// https://docs.aws.amazon.com/eks/latest/APIReference/API_NodegroupUpdateConfig.html</summary>
    public int NodesAtOnce(int nodes)
    {
        if (MaxUnavailable is { } n) return Math.Clamp(n, 1, Math.Max(1, nodes));
        if (MaxUnavailablePercentage is { } p) return Math.Clamp((int)Math.Ceiling(nodes * p / 100.0), 1, Math.Max(1, Math.Min(nodes, 100)));
        return 1;
    }
}
