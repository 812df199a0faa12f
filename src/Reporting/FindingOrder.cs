using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.Reporting;

/// <summary>The one order every reporter lists findings in: worst first, then rule id, then address, so output is deterministic.</summary>
public static class FindingOrder
{
    public static ImmutableArray<Finding> Sort(ImmutableArray<Finding> findings) => findings.IsDefault ? [] :
        [.. findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Change?.Address ?? "", StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)];

    /// <summary>"3 findings (1 critical, 2 high)", or "no findings".</summary>
    public static string Counted(ImmutableArray<Finding> findings) =>
        findings.IsDefaultOrEmpty ? "no findings" : $"{ChangeCounts.Plural(findings.Length, "finding")} ({CountBySeverity(findings)})";

    /// <summary>"1 critical, 2 high": counts per severity, worst first, zeros left out.</summary>
    public static string CountBySeverity(ImmutableArray<Finding> findings) =>
        string.Join(", ", Enum.GetValues<Severity>()
            .Reverse()
            .Select(s => (Severity: s, Count: findings.Count(f => f.Severity == s)))
            .Where(x => x.Count > 0)
            .Select(x => $"{x.Count} {x.Severity.ToWire()}"));
}
