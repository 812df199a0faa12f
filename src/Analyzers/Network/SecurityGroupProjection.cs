using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.Analyzers.Mapping.Aws;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Network;

/// <summary>The security group rules after the change: inline rules of an updated aws_security_group replace the group's
/// rules (the provider plans the whole set); a rule resource's before rules are removed from its group and its after rules
/// added. A group destroyed or replaced keeps its rules here: EC2 refuses to delete a group that ENIs still carry
/// (DependencyViolation), which KIAC503 reports on its own.</summary>
public static class SecurityGroupProjection
{
    public sealed record Result(SecurityGroupRuleSet After, IReadOnlyDictionary<string, ImmutableArray<ResourceChange>> ChangesByGroup);

    public static Result Apply(SecurityGroupRuleSet before, IReadOnlyList<MappedChange> mapped)
    {
        Dictionary<string, List<SecurityGroupRule>>? rules = null;
        var unknown = new Dictionary<string, string>(before.Unknown, StringComparer.Ordinal);
        var changes = new Dictionary<string, List<ResourceChange>>(StringComparer.Ordinal);
        List<SecurityGroupRule> RulesOf(string group)
        {
            rules ??= [];
            if (!rules.TryGetValue(group, out var list))
                rules[group] = list = before.Rules.TryGetValue(group, out var existing) ? [.. existing] : [];
            return list;
        }
        void Touch(string group, ResourceChange change)
        {
            if (!changes.TryGetValue(group, out var list)) changes[group] = list = [];
            list.Add(change);
        }
        foreach (var m in mapped)
        {
            if (m.Status != MappingStatus.Analysed) continue;
            switch (m)
            {
                case SecurityGroupChange g when g.Change.Kind == ChangeKind.Update && g.Before?.Id.Value is { } id && before.Knows(id):
                    if (g.After is null) break;
                    Touch(id, g.Change);
                    if (!g.After.Rules.IsKnown) { unknown[id] = $"{g.Change.Address}: {g.After.Rules.WhyUnknown}"; break; }
                    var list = RulesOf(id);
                    list.Clear();
                    list.AddRange(InGroup(g.After.Rules.Value, id));
                    break;
                case SecurityGroupRuleChange r when r.Change.Kind is not (ChangeKind.NoOp or ChangeKind.Read):
                    if (r.GroupBefore is { } gb && r.Before is { } rb && r.Change.Kind != ChangeKind.Create)
                    {
                        Touch(gb, r.Change);
                        if (rb.IsKnown) RemoveEach(RulesOf(gb), rb.Value);
                        else unknown[gb] = $"{r.Change.Address}: {rb.WhyUnknown}";
                    }
                    if (r.After is { } ra && r.Change.Kind != ChangeKind.Delete)
                    {
                        if (r.GroupAfter is not { } ga) break;
                        Touch(ga, r.Change);
                        if (ra.IsKnown) RulesOf(ga).AddRange(ra.Value);
                        else unknown[ga] = $"{r.Change.Address}: {ra.WhyUnknown}";
                    }
                    break;
            }
        }
        if (changes.Count == 0) return new Result(before, ImmutableDictionary<string, ImmutableArray<ResourceChange>>.Empty);
        var merged = new Dictionary<string, ImmutableArray<SecurityGroupRule>>(before.Rules, StringComparer.Ordinal);
        foreach (var (g, list) in rules ?? []) merged[g] = [.. list];
        return new Result(new SecurityGroupRuleSet(merged, unknown, before.Deleted),
            changes.ToDictionary(c => c.Key, c => c.Value.ToImmutableArray(), StringComparer.Ordinal));
    }

    /// <summary>Removes one copy of each rule (a rule the state lists twice, once per source, stays until both go).</summary>
    private static void RemoveEach(List<SecurityGroupRule> list, ImmutableArray<SecurityGroupRule> remove)
    {
        foreach (var r in remove)
        {
            var i = list.FindIndex(x => SameRule(x, r));
            if (i >= 0) list.RemoveAt(i);
        }
    }

    /// <summary>The rules as rules of <paramref name="group"/> (a method of its own: a lambda capturing the group in the loop
    /// over the changes would be an object per change).</summary>
    private static IEnumerable<SecurityGroupRule> InGroup(IEnumerable<SecurityGroupRule> rules, string group) =>
        rules.Select(r => r with { GroupId = group });

    /// <summary>Rules are the same when they allow the same thing: direction, protocol, ports (any ports for protocol -1) and peer.</summary>
    public static bool SameRule(SecurityGroupRule a, SecurityGroupRule b) =>
        a.Egress == b.Egress && a.Protocol == b.Protocol &&
        (a.Protocol == IpProtocols.All || (Norm(a.FromPort) == Norm(b.FromPort) && Norm(a.ToPort) == Norm(b.ToPort))) &&
        a.CidrIpv4 == b.CidrIpv4 && a.CidrIpv6 == b.CidrIpv6 && a.PrefixListId == b.PrefixListId && a.ReferencedGroupId == b.ReferencedGroupId;

    private static int Norm(int? port) => port ?? -1;
}
