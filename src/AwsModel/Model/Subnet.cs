using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Model;

public sealed record Subnet
{
    public required string SubnetId { get; init; }

    public required string VpcId { get; init; }

    public string? CidrBlock { get; init; }

    public ImmutableArray<string> Ipv6CidrBlocks { get; init; } = [];

    public string? AvailabilityZone { get; init; }

    public string? AvailabilityZoneId { get; init; }

    /// <summary>MapPublicIpOnLaunch: instances launched here get a public IPv4 address (a public subnet's usual setting).</summary>
    public bool MapPublicIpOnLaunch { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = Model.Tags.None;

    public required SourceRef Source { get; init; }
}
