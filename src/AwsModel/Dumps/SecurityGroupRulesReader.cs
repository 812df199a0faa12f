using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary>Security group rules in both shapes EC2 prints them: a group's IpPermissions / IpPermissionsEgress
/// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html: one protocol and port range, many
/// peers in IpRanges, Ipv6Ranges, PrefixListIds and UserIdGroupPairs) and <c>ec2 describe-security-group-rules</c>
/// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_SecurityGroupRule.html: one peer per rule, with its id).
/// Both become <see cref="SecurityGroupRule"/>s of one peer each.</summary>
internal static class SecurityGroupRulesReader
{
    public static ImmutableArray<SecurityGroupRule> FromPermissions(JsonElement group, string path, string file)
    {
        var groupId = group.Str("GroupId") ?? "";
        var rules = ImmutableArray.CreateBuilder<SecurityGroupRule>();
        foreach (var (field, egress) in (ReadOnlySpan<(string, bool)>)[("IpPermissions", false), ("IpPermissionsEgress", true)])
        {
            var i = 0;
            foreach (var p in group.Arr(field))
            {
                var at = $"{path}.{field}[{i++}]";
                var rule = new SecurityGroupRule
                {
                    GroupId = groupId,
                    Egress = egress,
                    Protocol = IpProtocols.Normalize(p.Str("IpProtocol")),
                    FromPort = Port(p, "FromPort"),
                    ToPort = Port(p, "ToPort"),
                    Source = SourceRef.Of(file, path: at),
                };
                foreach (var r in p.Arr("IpRanges"))
                    if (r.Str("CidrIp") is { } cidr) rules.Add(rule with { CidrIpv4 = cidr, Description = r.Str("Description") });
                foreach (var r in p.Arr("Ipv6Ranges"))
                    if (r.Str("CidrIpv6") is { } cidr) rules.Add(rule with { CidrIpv6 = cidr, Description = r.Str("Description") });
                foreach (var r in p.Arr("PrefixListIds"))
                    if (r.Str("PrefixListId") is { } pl) rules.Add(rule with { PrefixListId = pl, Description = r.Str("Description") });
                foreach (var r in p.Arr("UserIdGroupPairs"))
                    if (r.Str("GroupId") is { } peer) rules.Add(rule with { ReferencedGroupId = peer, Description = r.Str("Description") });
            }
        }
        return rules.ToImmutable();
    }

    /// <summary><c>ec2 describe-security-group-rules</c>: the rules, to be folded into their groups by the merge.</summary>
    public static void Read(AwsDump dump, FragmentParts parts)
    {
        var i = 0;
        foreach (var r in dump.Items("SecurityGroupRules"))
        {
            var path = $"SecurityGroupRules[{i++}]";
            parts.SecurityGroupRules.Add(new SecurityGroupRule
            {
                GroupId = r.Need("GroupId", path),
                RuleId = r.Str("SecurityGroupRuleId"),
                Egress = r.Bool("IsEgress"),
                Protocol = IpProtocols.Normalize(r.Str("IpProtocol")),
                FromPort = Port(r, "FromPort"),
                ToPort = Port(r, "ToPort"),
                CidrIpv4 = r.Str("CidrIpv4"),
                CidrIpv6 = r.Str("CidrIpv6"),
                PrefixListId = r.Str("PrefixListId"),
                ReferencedGroupId = r.Obj("ReferencedGroupInfo")?.Str("GroupId"),
                Description = r.Str("Description"),
                Source = SourceRef.Of(parts.File, path: path),
            });
        }
        parts.Loaded.Add(AwsStateKind.SecurityGroupRules);
    }

    private static int? Port(JsonElement e, string name) => e.Long(name) is { } n && n is >= -1 and <= 65535 ? (int)n : null;
}
