using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Rules;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Judging;

/// <summary>The state the analysis needed and did not get, one line per kind of state with the command that gives it: what
/// the rules that judge a relevant change declare they read (<see cref="RuleDescriptor.Reads"/>), and what it would take
/// to tell whether a change touches what the cluster uses.</summary>
public static class MissingState
{
    public static IEnumerable<string> Lines(AnalysisContext ctx, IReadOnlyList<IRule> rules, IReadOnlyList<ChangeJudgement> judgements)
    {
        var byType = new Dictionary<string, List<IRule>>(StringComparer.Ordinal);
        foreach (var rule in rules)
            foreach (var type in rule.Descriptor.Judges)
            {
                if (!byType.TryGetValue(type, out var list)) byType[type] = list = [];
                list.Add(rule);
            }
        var needed = new Dictionary<StateNeed, Needed>();
        var loaded = new Dictionary<StateNeed, bool>();
        bool IsLoaded(StateNeed need) => loaded.TryGetValue(need, out var yes) ? yes : loaded[need] = need.IsLoaded(ctx.Before);
        // What the rules judging each type read and was not given, worked out once per type (a large plan has tens of
        // thousands of changes of a few types).
        var missingByType = new Dictionary<string, List<(StateNeed Need, string Rule)>>(StringComparer.Ordinal);
        foreach (var (type, judging) in byType)
            missingByType[type] = [.. judging.SelectMany(rule => rule.Descriptor.Reads.Where(need => !IsLoaded(need)).Select(need => (need, rule.Descriptor.Id)))];
        foreach (var j in judgements)
        {
            foreach (var need in j.Needs) Add(needed, need, j.Change.Address, null);
            if (!j.Relevant || !missingByType.TryGetValue(j.Change.Type, out var missing)) continue;
            foreach (var (need, rule) in missing) Add(needed, need, j.Change.Address, rule);
        }
        if (ctx.Change.Kubespray is not null && byType.TryGetValue(RuleDescriptors.KubesprayRun, out var kubespray))
            foreach (var rule in kubespray)
                foreach (var need in rule.Descriptor.Reads)
                    if (!IsLoaded(need)) Add(needed, need, "the kubespray run", rule.Descriptor.Id);
        foreach (var (need, entry) in needed)
        {
            var (changes, ruleIds) = (entry.Changes, entry.Rules);
            var which = changes.Count <= 3 ? string.Join(", ", changes) : $"{changes[0]} and {changes.Count - 1} other changes";
            yield return $"{need}: needed to judge {which}" + (ruleIds.Count > 0 ? $" ({string.Join(", ", ruleIds)})" : "");
        }
    }

    private static void Add(Dictionary<StateNeed, Needed> needed, StateNeed need, string change, string? rule)
    {
        if (!needed.TryGetValue(need, out var entry)) needed[need] = entry = new Needed();
        if (entry.Seen.Add(change)) entry.Changes.Add(change);
        if (rule is not null) entry.Rules.Add(rule);
    }

    /// <summary>The changes that needed a kind of state (in plan order, each once) and the rules that read it.</summary>
    private sealed class Needed
    {
        public List<string> Changes { get; } = [];
        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);
        public SortedSet<string> Rules { get; } = new(StringComparer.Ordinal);
    }
}
