using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Model;

/// <summary>One rule of a security group, with one peer: a CIDR (IPv4 or IPv6), a prefix list or another group. An
/// IpPermission of <c>describe-security-groups</c> that names several peers becomes several rules, as
/// <c>describe-security-group-rules</c> lists them
/// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_SecurityGroupRule.html).</summary>
public sealed record SecurityGroupRule
{
    /// <summary>The group the rule belongs to.</summary>
    public required string GroupId { get; init; }

    /// <summary>sgr-... (describe-security-group-rules and aws_vpc_security_group_*_rule), null when read from a group's IpPermissions.</summary>
    public string? RuleId { get; init; }

    public required bool Egress { get; init; }

    /// <summary>Normalised by <see cref="IpProtocols.Normalize"/>: "-1" (all), "tcp", "udp", "icmp", "icmpv6" or a protocol number.</summary>
    public required string Protocol { get; init; }

    /// <summary>First port (tcp/udp), or the ICMP type; null or -1 when the protocol has no ports.</summary>
    public int? FromPort { get; init; }

    public int? ToPort { get; init; }

    public string? CidrIpv4 { get; init; }

    public string? CidrIpv6 { get; init; }

    public string? PrefixListId { get; init; }

    /// <summary>The group named as the peer (UserIdGroupPairs / ReferencedGroupInfo).</summary>
    public string? ReferencedGroupId { get; init; }

    public string? Description { get; init; }

    public required SourceRef Source { get; init; }

    /// <summary>The peer in words, e.g. "sg-0abc", "10.0.0.0/16", "pl-12345".</summary>
    public string Peer => ReferencedGroupId ?? CidrIpv4 ?? CidrIpv6 ?? PrefixListId ?? "(no peer)";
}
