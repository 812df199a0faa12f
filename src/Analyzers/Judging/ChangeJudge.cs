using System.Collections.Frozen;
using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Rules;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Judging;

/// <summary>Decides, for every change, whether it was understood: it touches nothing the cluster uses (analysed, no
/// effect), it touches something a rule models (analysed by that rule), it touches something no rule models
/// (unsupported), or what it touches cannot be told (unknown). Nothing is dropped: every change gets one judgement.</summary>
public sealed class ChangeJudge
{
    private readonly ClusterFootprint footprint;
    private readonly FrozenSet<string> judged;
    private readonly ResourceTypeClasses types;
    /// <summary>The identities of the change being judged, one list per thread (changes are judged in parallel).</summary>
    [ThreadStatic]
    private static List<IdentityToken>? Tokens;

    /// <summary>The reason for each combination of one or two undecidable answers seen (the footprint shares its answers).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Membership First, Membership? Second), (ImmutableArray<StateNeed> Needs, string What)> undecidedReasons =
        new(SameAnswers.Instance);

    public ChangeJudge(ClusterFootprint footprint, IEnumerable<IRule> rules, ResourceTypeClasses types)
    {
        this.footprint = footprint;
        this.types = types;
        judged = rules.SelectMany(r => r.Descriptor.Judges).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>True when some rule models changes of this resource type.</summary>
    public bool IsJudged(string type) => judged.Contains(type);

    public ChangeJudgement Judge(MappedChange mapped)
    {
        var c = mapped.Change;
        if (c.Kind is ChangeKind.NoOp or ChangeKind.Read || c.Mode != "managed")
            return new(c, MappingStatus.Analysed, null);
        if (c.Kind == ChangeKind.Forget)
            return new(c, MappingStatus.Analysed, "removed from the state only: the object itself is not changed");

        var type = types.Classify(c.Type);
        if (type.Class == TypeClass.InCluster)
            return Touching(mapped, $"an object in the cluster ({type.Reason})");
        if (type.Class == TypeClass.CannotAffect && !judged.Contains(c.Type))
            return new(c, MappingStatus.Analysed, null);

        var tokens = Tokens ??= [];
        IdentityTokens.Of(c, type.TieAttributes, tokens);
        // The footprint answers undecidable with one shared answer per kind of identity: most changes have one.
        Membership? undecided = null;
        List<Membership>? moreUndecided = null;
        foreach (var token in tokens)
        {
            var m = footprint.Of(token);
            if (m.Kind == MembershipKind.Used) return Touching(mapped, m.UsedBy!);
            if (m.Kind != MembershipKind.Undecidable || ReferenceEquals(m, undecided)) continue;
            if (undecided is null) undecided = m;
            else if (!(moreUndecided ??= []).Contains(m)) moreUndecided.Add(m);
        }
        if (undecided is not null)
        {
            var (needs, what) = moreUndecided is null or { Count: 1 }
                ? undecidedReasons.GetOrAdd((undecided, moreUndecided?[0]), static pair => Undecided(pair.Second is null ? [pair.First] : [pair.First, pair.Second]))
                : Undecided([undecided, .. moreUndecided]);
            return new(c, MappingStatus.Unknown, what) { AfterAddress = true, Needs = needs, Relevant = true };
        }
        if (tokens.Count > 0 || c.Kind == ChangeKind.Create)
            return new(c, MappingStatus.Analysed, null);
        return new(c, MappingStatus.Unsupported,
            $"no identity of this {c.Type} is in the plan, and the type may affect a cluster ({type.Reason})") { AfterAddress = true, Relevant = true };
    }

    /// <summary>The state that would decide, and the reason, for changes whose identities the footprint cannot place.</summary>
    private static (ImmutableArray<StateNeed> Needs, string What) Undecided(IReadOnlyList<Membership> undecided)
    {
        ImmutableArray<StateNeed> needs = [.. undecided.SelectMany(u => u.Needs).Distinct()];
        var why = undecided.FirstOrDefault(u => u.Why is not null)?.Why;
        return (needs, needs.Length > 0
            ? $"whether it touches what the cluster uses cannot be told without {string.Join(", ", needs.Select(n => n.Name))}"
            : $"whether it touches what the cluster uses cannot be told: {why}");
    }

    /// <summary>A change to something the cluster uses: analysed when a rule models its type, else unsupported.</summary>
    private ChangeJudgement Touching(MappedChange mapped, string what)
    {
        var c = mapped.Change;
        if (judged.Contains(c.Type))
        {
            return mapped.Status == MappingStatus.Unknown && c.Kind != ChangeKind.Create
                ? new(c, MappingStatus.Unknown, mapped.WhyUnknown ?? "values are known only after apply") { AfterAddress = true, Relevant = true, Touches = what }
                : new(c, MappingStatus.Analysed, null) { Relevant = true, Touches = what };
        }
        return new(c, MappingStatus.Unsupported, $"{c.Address} changes {what}: {c.Type} changes are not analysed") { Relevant = true, Touches = what };
    }

    /// <summary>One or two answers compared by reference: the same shared answer objects.</summary>
    private sealed class SameAnswers : IEqualityComparer<(Membership First, Membership? Second)>
    {
        public static readonly SameAnswers Instance = new();

        public bool Equals((Membership First, Membership? Second) x, (Membership First, Membership? Second) y) =>
            ReferenceEquals(x.First, y.First) && ReferenceEquals(x.Second, y.Second);

        public int GetHashCode((Membership First, Membership? Second) pair) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(pair.First), pair.Second is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(pair.Second));
    }
}
