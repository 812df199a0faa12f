using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Model;

/// <summary>An Auto Scaling group (<c>autoscaling describe-auto-scaling-groups</c>).</summary>
public sealed record AutoScalingGroup
{
    public required string Name { get; init; }

    public string? Arn { get; init; }

    public string? LaunchTemplateId { get; init; }

    public string? LaunchTemplateName { get; init; }

    /// <summary>"$Latest", "$Default" or a number, as the group names it.</summary>
    public string? LaunchTemplateVersion { get; init; }

    public string? LaunchConfigurationName { get; init; }

    /// <summary>True when the template comes through MixedInstancesPolicy (several instance types, spot/on-demand mix).</summary>
    public bool MixedInstances { get; init; }

    /// <summary>MixedInstancesPolicy.LaunchTemplate.Overrides[].InstanceType.</summary>
    public ImmutableArray<string> OverrideInstanceTypes { get; init; } = [];

    /// <summary>VPCZoneIdentifier, split: the subnets the group launches into.</summary>
    public ImmutableArray<string> SubnetIds { get; init; } = [];

    /// <summary>The launch template version each instance was launched from (Instances[].LaunchTemplate.Version), by instance id.
    /// An instance refresh is not in this output (autoscaling describe-instance-refreshes says whether one runs).</summary>
    public ImmutableDictionary<string, string> InstanceLaunchTemplateVersions { get; init; } = ImmutableDictionary<string, string>.Empty;

    public int MinSize { get; init; }

    public int MaxSize { get; init; }

    public int DesiredCapacity { get; init; }

    public ImmutableArray<string> InstanceIds { get; init; } = [];

    public IReadOnlyDictionary<string, string> Tags { get; init; } = Model.Tags.None;

    public required SourceRef Source { get; init; }

    /// <summary>The EKS cluster the cluster-autoscaler auto-discovery tag names: <c>k8s.io/cluster-autoscaler/NAME</c>,
    /// present together with <c>k8s.io/cluster-autoscaler/enabled</c> (https://github.com/kubernetes/autoscaler/blob/master/cluster-autoscaler/cloudprovider/aws/README.md).</summary>
    public bool IsClusterAutoscalerDiscoverable => Tags.ContainsKey("k8s.io/cluster-autoscaler/enabled");
}
