using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.Analyzers.Mapping.Aws;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Rules.Subnets;

/// <summary>A subnet of the state as the plan leaves it: its tags after apply (null when the subnet is destroyed), and the
/// change that does it.</summary>
public sealed record SubnetAfter(Subnet Subnet, ImmutableDictionary<string, string>? TagsAfter, ResourceChange Cause)
{
    public bool Destroyed => TagsAfter is null;

    /// <summary>True when <paramref name="key"/> was on the subnet and is not after apply.</summary>
    public bool Loses(string key) => Subnet.Tags.ContainsKey(key) && (TagsAfter is null || !TagsAfter.ContainsKey(key));
}

/// <summary>What the plan does to the tags of the subnets in the state: through aws_subnet (tags_all, else tags) and
/// aws_ec2_tag. A tag added is never a loss; an unknown tag map is not read as a loss either (the plan shows no key going).</summary>
public static class SubnetTagChanges
{
    public static IReadOnlyList<SubnetAfter> Find(AwsState before, IReadOnlyList<MappedChange> mapped)
    {
        var byId = before.Subnets.ToDictionary(s => s.SubnetId, StringComparer.Ordinal);
        var after = new Dictionary<string, SubnetAfter>(StringComparer.Ordinal);
        foreach (var m in mapped)
        {
            switch (m)
            {
                case SubnetChange s when s.Before?.Id.Value is { } id && byId.TryGetValue(id, out var subnet):
                    if (s.Change.RemovesObject)
                    {
                        after[id] = new SubnetAfter(subnet, null, s.Change);
                    }
                    else if (s.Change.Kind == ChangeKind.Update && s.After?.Tags is { IsKnown: true } tags)
                    {
                        var current = after.TryGetValue(id, out var a) ? a.TagsAfter : null;
                        var next = Apply(current ?? Immutable(subnet.Tags), subnet.Tags, s.Before.Tags.Value, tags.Value!);
                        if (subnet.Tags.Keys.Any(k => !next.ContainsKey(k))) after[id] = new SubnetAfter(subnet, next, s.Change);
                    }
                    break;
                case Ec2TagChange t when t.Before?.ResourceId.Value is { } rid && t.Before.Key.Value is { } key && byId.TryGetValue(rid, out var tagged):
                    var stays = t.Change.Kind is ChangeKind.Replace && t.After?.Key.Value == key && t.After.ResourceId.Value == rid;
                    if (!t.Change.IsDelete || stays) break;
                    var was = after.TryGetValue(rid, out var prior) ? prior.TagsAfter : Immutable(tagged.Tags);
                    if (was is null || !was.ContainsKey(key)) break;
                    after[rid] = new SubnetAfter(tagged, was.Remove(key), t.Change);
                    break;
            }
        }
        return [.. after.Values];
    }

    /// <summary>The state's tags as a map that can take changes.</summary>
    private static ImmutableDictionary<string, string> Immutable(IReadOnlyDictionary<string, string> tags) =>
        tags as ImmutableDictionary<string, string> ?? tags.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>The keys the plan removes (in its before, not in its after) come off the state's tags; keys it adds go on.</summary>
    private static ImmutableDictionary<string, string> Apply(ImmutableDictionary<string, string> current, IReadOnlyDictionary<string, string> state,
        ImmutableDictionary<string, string>? planBefore, ImmutableDictionary<string, string> planAfter)
    {
        var result = current;
        foreach (var key in (planBefore ?? state).Keys)
            if (!planAfter.ContainsKey(key)) result = result.Remove(key);
        foreach (var (k, v) in planAfter) result = result.SetItem(k, v);
        return result;
    }
}
