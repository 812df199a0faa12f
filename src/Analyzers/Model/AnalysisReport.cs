using System.Collections.Immutable;

namespace Kalc.Iac.Analyzers.Model;

/// <summary>The outcome of one analysis: what the reporters print.</summary>
public sealed record AnalysisReport
{
    public required Verdict Verdict { get; init; }

    /// <summary>What state was missing or could not be read; non-empty makes a no-finding verdict <c>incomplete</c>.</summary>
    public ImmutableArray<string> Missing { get; init; } = [];

    public required InputInfo Input { get; init; }

    public required ChangeSummary Changes { get; init; }

    public ImmutableArray<Finding> Findings { get; init; } = [];

    /// <summary>How the analysis was done, e.g. "nodes inferred from EC2 tags", "text plan: unchanged attributes are hidden".</summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    public string? AccountId { get; init; }

    /// <summary>The rules that ran (SARIF driver rules).</summary>
    public ImmutableArray<RuleDescriptor> Rules { get; init; } = [];
}
