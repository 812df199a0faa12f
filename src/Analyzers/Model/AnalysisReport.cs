using System.Collections.Immutable;

namespace Kalc.Iac.Analyzers.Model;

/// <summary>Everything a reporter prints: the outcome of one analysis. Reporters turn it into text,
/// JSON, SARIF or Markdown and never look at anything else.</summary>
public sealed record AnalysisReport
{
    public required Verdict Verdict { get; init; }

    /// <summary>Why the verdict is incomplete, one line each (e.g. "iam get-account-authorization-details: AccessDenied").</summary>
    public ImmutableArray<string> Missing { get; init; } = [];

    public required InputInfo Input { get; init; }

    public required ChangeSummary Changes { get; init; }

    public ImmutableArray<Finding> Findings { get; init; } = [];

    /// <summary>What the reader should know about how the answer was reached
    /// (e.g. "nodes inferred from EC2 tags", "text plan: unchanged attributes are hidden").</summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    /// <summary>The AWS account the state belongs to, when known.</summary>
    public string? AccountId { get; init; }

    /// <summary>Files of the state directories holding outputs kalc-iac does not read, with what each looks like.</summary>
    public ImmutableArray<UnreadInput> NotRead { get; init; } = [];

    /// <summary>The rules that ran (SARIF driver rules, help for each finding's rule id).</summary>
    public ImmutableArray<RuleDescriptor> Rules { get; init; } = [];
}
