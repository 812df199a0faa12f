using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Model;

/// <summary>An elastic network interface (<c>ec2 describe-network-interfaces</c>). Security groups sit on ENIs: an
/// instance's primary and secondary ENIs, the cluster's cross-account ENIs (the control plane's side of the
/// cluster security group) and, with security groups for pods, the pods' branch ENIs (InterfaceType "branch").</summary>
public sealed record NetworkInterface
{
    public required string NetworkInterfaceId { get; init; }

    /// <summary>interface, branch, trunk, efa, ... (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_NetworkInterface.html).</summary>
    public string? InterfaceType { get; init; }

    public string? Status { get; init; }

    public string? SubnetId { get; init; }

    public string? VpcId { get; init; }

    public string? PrivateIpAddress { get; init; }

    public string? Description { get; init; }

    /// <summary>Attachment.InstanceId, when attached to an instance.</summary>
    public string? InstanceId { get; init; }

    public ImmutableArray<string> SecurityGroupIds { get; init; } = [];

    public IReadOnlyDictionary<string, string> Tags { get; init; } = Model.Tags.None;

    public required SourceRef Source { get; init; }

    /// <summary>A pod's branch ENI (security groups for pods).</summary>
    public bool IsPodBranch => InterfaceType == "branch";
}
