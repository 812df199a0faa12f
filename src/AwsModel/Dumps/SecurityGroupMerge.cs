using System.Collections.Immutable;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary>Folds <c>describe-security-group-rules</c> output into the groups: a group's rules from that output (with
/// their ids) replace the ones read from its IpPermissions; rules of a group no describe-security-groups output names
/// make a group record of their own, so that they are still evaluated.</summary>
internal static class SecurityGroupMerge
{
    public static ImmutableArray<SecurityGroup> Merge(ImmutableArray<SecurityGroup> groups, IEnumerable<SecurityGroupRule> listedRules)
    {
        var byGroup = new Dictionary<string, List<SecurityGroupRule>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in listedRules)
        {
            if (r.RuleId is { } id && !seen.Add(id)) continue;
            if (!byGroup.TryGetValue(r.GroupId, out var list)) byGroup[r.GroupId] = list = [];
            list.Add(r);
        }
        if (byGroup.Count == 0) return groups;
        var result = ImmutableArray.CreateBuilder<SecurityGroup>(groups.Length);
        foreach (var g in groups)
            result.Add(byGroup.Remove(g.GroupId, out var rules) ? g with { Rules = [.. rules] } : g);
        foreach (var (groupId, rules) in byGroup)
            result.Add(new SecurityGroup { GroupId = groupId, Rules = [.. rules], Source = rules[0].Source with { Path = null } });
        return result.ToImmutable();
    }
}
