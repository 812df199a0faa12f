using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Judging;

/// <summary>How one resource change was accounted for: analysed (a rule judged it, or it provably touches nothing the
/// cluster uses), unsupported (it touches something the cluster uses and no rule models its effect), or unknown (what it
/// touches cannot be told: values known only after apply, or state not given - <see cref="Needs"/>).</summary>
public readonly record struct ChangeJudgement(ResourceChange Change, MappingStatus Status, string? Reason)
{
    /// <summary>The reason is said of the change, after its address ("ADDRESS: REASON"). Such a reason is the same for many
    /// changes (23,000 on the bench plan), so it is kept once and the sentence put together only when asked for.</summary>
    public bool AfterAddress { get; init; }

    /// <summary>Why the change is not analysed (or a note on an analysed one), as the report says it.</summary>
    public string? Why => Reason is not null && AfterAddress ? $"{Change.Address}: {Reason}" : Reason;

    /// <summary>For an unknown judgement: the state that would decide it.</summary>
    public ImmutableArray<StateNeed> Needs { get; init; } = [];

    /// <summary>True when the change touches something the cluster uses (or may: undecided), so that the rules that judge
    /// its type need their state.</summary>
    public bool Relevant { get; init; }

    /// <summary>What the cluster uses that the change touches (for the report's reason).</summary>
    public string? Touches { get; init; }
}
