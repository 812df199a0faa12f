using System.Collections.Immutable;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping.Aws;

/// <summary>Security group rules as the AWS provider plans them, turned into <see cref="SecurityGroupRule"/>s of one peer
/// each: an inline <c>ingress</c>/<c>egress</c> block of aws_security_group and an aws_security_group_rule hold lists of
/// peers (cidr_blocks, ipv6_cidr_blocks, prefix_list_ids, security_groups / source_security_group_id, self);
/// aws_vpc_security_group_*_rule holds one (cidr_ipv4, cidr_ipv6, prefix_list_id, referenced_security_group_id).
/// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group_rule</summary>
public static class SecurityGroupPlanRules
{
    /// <summary>Rules of one legacy-shaped block (inline rule or aws_security_group_rule). Unknown when a value that decides
    /// the rule is known only after apply.</summary>
    public static Known<ImmutableArray<SecurityGroupRule>> FromBlock(PlanValue block, string groupId, bool egress, SourceRef source, string? singleSource = null)
    {
        if (block is PlanUnknown) return Known<ImmutableArray<SecurityGroupRule>>.Unknown("the rule is known only after apply");
        var protocol = PlanValues.Str(block, "protocol");
        if (!protocol.IsKnown) return Known<ImmutableArray<SecurityGroupRule>>.Unknown(protocol.WhyUnknown!);
        var template = new SecurityGroupRule
        {
            GroupId = groupId,
            Egress = egress,
            Protocol = IpProtocols.Normalize(protocol.Value),
            FromPort = Port(block["from_port"]),
            ToPort = Port(block["to_port"]),
            Description = block["description"].AsString(),
            Source = source,
        };
        var rules = ImmutableArray.CreateBuilder<SecurityGroupRule>();
        foreach (var (attribute, make) in Peers)
        {
            var values = PlanValues.Strings(block, attribute);
            if (!values.IsKnown) return Known<ImmutableArray<SecurityGroupRule>>.Unknown(values.WhyUnknown!);
            foreach (var v in values.Value!) rules.Add(make(template, v));
        }
        if (singleSource is not null)
        {
            var peer = PlanValues.Str(block, singleSource);
            if (!peer.IsKnown) return Known<ImmutableArray<SecurityGroupRule>>.Unknown(peer.WhyUnknown!);
            if (peer.Value is { } g) rules.Add(template with { ReferencedGroupId = g });
        }
        if (block["self"] is PlanBool { Value: true }) rules.Add(template with { ReferencedGroupId = groupId });
        else if (block["self"] is PlanUnknown) return Known<ImmutableArray<SecurityGroupRule>>.Unknown("self is known only after apply");
        return Known<ImmutableArray<SecurityGroupRule>>.Of(rules.ToImmutable());
    }

    private static readonly (string Attribute, Func<SecurityGroupRule, string, SecurityGroupRule> Make)[] Peers =
    [
        ("cidr_blocks", (t, v) => t with { CidrIpv4 = v }),
        ("ipv6_cidr_blocks", (t, v) => t with { CidrIpv6 = v }),
        ("prefix_list_ids", (t, v) => t with { PrefixListId = v }),
        ("security_groups", (t, v) => t with { ReferencedGroupId = v }),
    ];

    /// <summary>An aws_vpc_security_group_ingress_rule / egress_rule: one peer.</summary>
    public static Known<ImmutableArray<SecurityGroupRule>> FromVpcRule(PlanValue v, string groupId, bool egress, SourceRef source)
    {
        var protocol = PlanValues.Str(v, "ip_protocol");
        if (!protocol.IsKnown) return Known<ImmutableArray<SecurityGroupRule>>.Unknown(protocol.WhyUnknown!);
        var peers = VpcRulePeers.Select(a => (a, PlanValues.Str(v, a))).ToList();
        if (peers.FirstOrDefault(p => !p.Item2.IsKnown) is { a: not null } unknown)
            return Known<ImmutableArray<SecurityGroupRule>>.Unknown(unknown.Item2.WhyUnknown!);
        var rule = new SecurityGroupRule
        {
            GroupId = groupId,
            RuleId = v["security_group_rule_id"].AsString() ?? v["id"].AsString(),
            Egress = egress,
            Protocol = IpProtocols.Normalize(protocol.Value),
            FromPort = Port(v["from_port"]),
            ToPort = Port(v["to_port"]),
            CidrIpv4 = peers[0].Item2.Value,
            CidrIpv6 = peers[1].Item2.Value,
            PrefixListId = peers[2].Item2.Value,
            ReferencedGroupId = peers[3].Item2.Value,
            Description = v["description"].AsString(),
            Source = source,
        };
        return Known<ImmutableArray<SecurityGroupRule>>.Of([rule]);
    }

    private static readonly string[] VpcRulePeers = ["cidr_ipv4", "cidr_ipv6", "prefix_list_id", "referenced_security_group_id"];

    private static int? Port(PlanValue v) =>
        v is PlanNumber n && int.TryParse(n.Text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : null;
}
