using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Model;

/// <summary>An EC2 instance as <c>ec2 describe-instances</c> shows it.</summary>
public sealed record Ec2Instance
{
    public required string InstanceId { get; init; }

    /// <summary>pending, running, stopping, stopped, shutting-down, terminated.</summary>
    public required string State { get; init; }

    public string? InstanceType { get; init; }

    public string? AvailabilityZone { get; init; }

    public string? PrivateDnsName { get; init; }

    public string? PrivateIpAddress { get; init; }

    public string? SubnetId { get; init; }

    public string? VpcId { get; init; }

    /// <summary>ARN of the associated instance profile (IamInstanceProfile.Arn), null when none.</summary>
    public string? InstanceProfileArn { get; init; }

    /// <summary>IamInstanceProfile.Id (AIPA...) of the association, when the dump has it.</summary>
    public string? InstanceProfileId { get; init; }

    /// <summary>True when the projected plan (re)associates this instance with its profile.</summary>
    public bool ProfileAssociatedByPlan { get; init; }

    public ImmutableArray<string> SecurityGroupIds { get; init; } = [];

    public string? LaunchTemplateId { get; init; }

    public DateTimeOffset? LaunchTime { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = Model.Tags.None;

    public required SourceRef Source { get; init; }

    public bool IsLive => State is "running" or "pending" or "stopping" or "stopped";

    public string? NameTag => Tags.TryGetValue("Name", out var n) ? n : null;
}
