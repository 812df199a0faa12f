using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.Reporting.Incidents;

/// <summary>Findings with one root cause on the same machines: e.g. an instance profile and its role destroyed,
/// both taking the AWS credentials of the same 4 nodes. The short reports print one block per incident.</summary>
public sealed record Incident
{
    /// <summary>Worst first, in <see cref="FindingOrder"/>.</summary>
    public required ImmutableArray<Finding> Findings { get; init; }

    public Severity Severity => Findings[0].Severity;

    /// <summary>The rule ids, each once, in finding order.</summary>
    public ImmutableArray<string> RuleIds => [.. Findings.Select(f => f.RuleId).Distinct(StringComparer.Ordinal)];

    public ImmutableArray<string> Components => Union(f => f.Impact.Components);

    public ImmutableArray<string> Nodes => Union(f => f.Impact.Nodes);

    public ImmutableArray<string> Instances => Union(f => f.Impact.Instances);

    public ImmutableArray<string> ServiceAccounts => Union(f => f.Impact.ServiceAccounts);

    /// <summary>When it breaks: each time to impact once, soonest first, with the rules that break then.</summary>
    public ImmutableArray<(TimeToImpact When, ImmutableArray<string> RuleIds)> Times =>
        [.. Findings.GroupBy(f => f.Impact.TimeToImpact).OrderBy(g => g.Key)
            .Select(g => (g.Key, ImmutableArray.CreateRange(g.Select(f => f.RuleId).Distinct(StringComparer.Ordinal))))];

    /// <summary>Each distinct remediation once, with the rules that give it.</summary>
    public ImmutableArray<(string Fix, ImmutableArray<string> RuleIds)> Fixes =>
        [.. Findings.GroupBy(f => f.Remediation, StringComparer.Ordinal)
            .Select(g => (g.Key, ImmutableArray.CreateRange(g.Select(f => f.RuleId).Distinct(StringComparer.Ordinal))))];

    private ImmutableArray<string> Union(Func<Finding, ImmutableArray<string>> items) =>
        [.. Findings.SelectMany(f => items(f).IsDefault ? [] : items(f)).Distinct(StringComparer.Ordinal)];
}
