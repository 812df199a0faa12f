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

    public int MinSize { get; init; }

    public int MaxSize { get; init; }

    public int DesiredCapacity { get; init; }

    public ImmutableArray<string> InstanceIds { get; init; } = [];

    public ImmutableDictionary<string, string> Tags { get; init; } = Model.Tags.None;

    public required SourceRef Source { get; init; }
}
