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
            yield return $"{need}: needed to judge {entry.Which()}" + (entry.Rules is { } ruleIds ? $" ({string.Join(", ", ruleIds)})" : "");
        }
    }

    private static void Add(Dictionary<StateNeed, Needed> needed, StateNeed need, string change, string? rule)
    {
        if (!needed.TryGetValue(need, out var entry)) needed[need] = entry = new Needed();
        entry.Add(change);
        if (rule is not null) (entry.Rules ??= new SortedSet<string>(StringComparer.Ordinal)).Add(rule);
    }

    /// <summary>The changes that needed a kind of state (in plan order, each once: the first three by address, the rest
    /// counted) and the rules that read it. A change adds its needs one after another, so a change already counted is the
    /// last one added; only the first three addresses are kept (a large plan has tens of thousands of changes per need).</summary>
    private sealed class Needed
    {
        private readonly string?[] _first = new string?[3];
        private string? _last;

        public int Count { get; private set; }
        public SortedSet<string>? Rules { get; set; }

        public void Add(string change)
        {
            if (ReferenceEquals(change, _last)) return;
            _last = change;
            if (Count < _first.Length) _first[Count] = change;
            Count++;
        }

        public string Which() => Count <= 3
            ? string.Join(", ", _first.Take(Count))
            : $"{_first[0]} and {Count - 1} other changes";
    }
}
