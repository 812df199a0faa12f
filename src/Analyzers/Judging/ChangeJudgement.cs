using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Judging;

/// <summary>How one resource change was accounted for: analysed (a rule judged it, or it provably touches nothing the
/// cluster uses), unsupported (it touches something the cluster uses and no rule models its effect), or unknown (what it
/// touches cannot be told: values known only after apply, or state not given - <see cref="Needs"/>).</summary>
public sealed record ChangeJudgement(ResourceChange Change, MappingStatus Status, string? Why)
{
    /// <summary>For an unknown judgement: the state that would decide it.</summary>
    public ImmutableArray<StateNeed> Needs { get; init; } = [];

    /// <summary>True when the change touches something the cluster uses (or may: undecided), so that the rules that judge
    /// its type need their state.</summary>
    public bool Relevant { get; init; }

    /// <summary>What the cluster uses that the change touches (for the report's reason).</summary>
    public string? Touches { get; init; }
}
