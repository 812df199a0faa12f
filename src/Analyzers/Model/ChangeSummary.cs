using System.Collections.Immutable;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Model;

/// <summary>Accounts for every resource change in the input: <c>Analysed + Unsupported + Unknown == Total</c>.</summary>
public sealed record ChangeSummary
{
    public required int Total { get; init; }

    public required ImmutableDictionary<ChangeKind, int> ByAction { get; init; }

    public required int Analysed { get; init; }

    public required int Unsupported { get; init; }

    public required int Unknown { get; init; }
}
