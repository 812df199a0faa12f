using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Model;

/// <summary>A VPC route table (<c>ec2 describe-route-tables</c>): the subnets it is associated with (or the VPC's main table)
/// and its routes.</summary>
public sealed record RouteTable
{
    public required string RouteTableId { get; init; }

    public string? VpcId { get; init; }

    /// <summary>True when this is the VPC's main table: it routes every subnet with no explicit association.</summary>
    public bool IsMain { get; init; }

    /// <summary>Associations[].SubnetId.</summary>
    public ImmutableArray<string> SubnetIds { get; init; } = [];

    public ImmutableArray<Route> Routes { get; init; } = [];

    public IReadOnlyDictionary<string, string> Tags { get; init; } = Model.Tags.None;

    public required SourceRef Source { get; init; }
}

/// <summary>One route: its destination (IPv4, IPv6 CIDR or prefix list) and target, as the API names them.</summary>
public sealed record Route
{
    /// <summary>DestinationCidrBlock, DestinationIpv6CidrBlock or DestinationPrefixListId.</summary>
    public required string Destination { get; init; }

    public string? NatGatewayId { get; init; }

    /// <summary>GatewayId: "local", an internet gateway (igw-), a virtual private gateway (vgw-) or a gateway endpoint (vpce-).</summary>
    public string? GatewayId { get; init; }

    public string? TransitGatewayId { get; init; }

    public string? OtherTarget { get; init; }

    /// <summary>active or blackhole.</summary>
    public string? State { get; init; }

    public bool IsDefault => Destination is "0.0.0.0/0" or "::/0";

    public bool ToNatGateway => NatGatewayId is not null;

    public bool ToInternetGateway => GatewayId?.StartsWith("igw-", StringComparison.Ordinal) == true;

    public string Target => NatGatewayId ?? TransitGatewayId ?? GatewayId ?? OtherTarget ?? "?";
}
