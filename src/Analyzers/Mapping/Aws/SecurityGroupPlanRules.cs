using System.Collections.Immutable;
using System.Runtime.InteropServices;
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
        var fromPort = Port(block["from_port"]);
        var toPort = Port(block["to_port"]);
        var normalized = IpProtocols.Normalize(protocol.Value);
        var description = block["description"].AsString();
        // Every peer is checked before a rule is made: a group has thousands of rules on a large plan, and each is made
        // once, in an array of its final size.
        if (PlanValues.StringItems(block, "cidr_blocks", out var v4s) is { } why4) return Known<ImmutableArray<SecurityGroupRule>>.Unknown(why4);
        if (PlanValues.StringItems(block, "ipv6_cidr_blocks", out var v6s) is { } why6) return Known<ImmutableArray<SecurityGroupRule>>.Unknown(why6);
        if (PlanValues.StringItems(block, "prefix_list_ids", out var prefixLists) is { } whyPl) return Known<ImmutableArray<SecurityGroupRule>>.Unknown(whyPl);
        if (PlanValues.StringItems(block, "security_groups", out var groups) is { } whySg) return Known<ImmutableArray<SecurityGroupRule>>.Unknown(whySg);
        var count = v4s.Length + v6s.Length + prefixLists.Length + groups.Length;
        string? single = null;
        if (singleSource is not null)
        {
            var peer = PlanValues.Str(block, singleSource);
            if (!peer.IsKnown) return Known<ImmutableArray<SecurityGroupRule>>.Unknown(peer.WhyUnknown!);
            single = peer.Value;
        }
        var self = block["self"];
        var selfRule = self is PlanBool { Value: true };
        if (!selfRule && self is PlanUnknown) return Known<ImmutableArray<SecurityGroupRule>>.Unknown("self is known only after apply");
        var rules = new SecurityGroupRule[count + (single is null ? 0 : 1) + (selfRule ? 1 : 0)];
        var made = 0;
        SecurityGroupRule Rule(string? v4 = null, string? v6 = null, string? prefixList = null, string? group = null) => new()
        {
            GroupId = groupId,
            Egress = egress,
            Protocol = normalized,
            FromPort = fromPort,
            ToPort = toPort,
            Description = description,
            Source = source,
            CidrIpv4 = v4,
            CidrIpv6 = v6,
            PrefixListId = prefixList,
            ReferencedGroupId = group,
        };
        foreach (var v in v4s) rules[made++] = Rule(v4: v.AsString());
        foreach (var v in v6s) rules[made++] = Rule(v6: v.AsString());
        foreach (var v in prefixLists) rules[made++] = Rule(prefixList: v.AsString());
        foreach (var v in groups) rules[made++] = Rule(group: v.AsString());
        if (single is not null) rules[made++] = Rule(group: single);
        if (selfRule) rules[made++] = Rule(group: groupId);
        return Known<ImmutableArray<SecurityGroupRule>>.Of(ImmutableCollectionsMarshal.AsImmutableArray(rules));
    }

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
