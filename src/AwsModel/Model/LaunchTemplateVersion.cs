using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Model;

/// <summary>One version of a launch template (<c>ec2 describe-launch-template-versions</c>).</summary>
public sealed record LaunchTemplateVersion
{
    public required string LaunchTemplateId { get; init; }

    public string? LaunchTemplateName { get; init; }

    public required long VersionNumber { get; init; }

    public bool DefaultVersion { get; init; }

    /// <summary>IamInstanceProfile.Arn or .Name of the launch template data, as given.</summary>
    public string? InstanceProfileArn { get; init; }

    public string? InstanceProfileName { get; init; }

    /// <summary>LaunchTemplateData.ImageId; null when the version leaves the AMI to the launcher (an EKS managed node group picks it).</summary>
    public string? ImageId { get; init; }

    public string? InstanceType { get; init; }

    /// <summary>True when LaunchTemplateData carries UserData (its content is never kept: it may hold secrets).</summary>
    public bool HasUserData { get; init; }

    /// <summary>LaunchTemplateData.SecurityGroupIds and the Groups of its network interfaces.</summary>
    public ImmutableArray<string> SecurityGroupIds { get; init; } = [];

    public required SourceRef Source { get; init; }
}
