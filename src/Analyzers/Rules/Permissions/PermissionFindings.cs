using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Core;
using Kalc.Iac.AwsModel.Iam;

namespace Kalc.Iac.Analyzers.Rules.Permissions;

/// <summary>The parts every permission finding shares: the causing change, its location, and how evaluations read as evidence.</summary>
internal static class PermissionFindings
{
    /// <summary>The first evidence step: what the causing change does, or what the plan as a whole does when no single change does it.</summary>
    public static Evidence PlanStep(AnalysisContext context, MappedChange? cause, string what) => cause is null
        ? new Evidence($"the plan, as a whole, {what}", SourceRef.Of(context.Change.File))
        : Findings.PlanStep(cause.Change, what);

    public static readonly SourceRef TrustBefore = SourceRef.Analysis("IAM trust evaluation (before)");

    public static readonly SourceRef TrustAfter = SourceRef.Analysis("IAM trust evaluation (after)");

    public static readonly SourceRef State = SourceRef.Analysis("AWS and Kubernetes state");

    /// <summary>"Allow (statement 'X' of arn:...)" - a one-line evaluation for evidence.</summary>
    public static string Describe(EvaluationResult? r) => r is null ? "not evaluated" : r.Statements.IsEmpty
        ? $"{r.Decision}: {r.Reason}"
        : $"{r.Decision}: {r.Reason} ({string.Join("; ", r.Statements.Take(3))})";

    public static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 8 ? string.Join(", ", list) : string.Join(", ", list.Take(8)) + $" and {list.Count - 8} more";
    }

    public static ImmutableArray<string> ServiceAccountsOf(TrustBreak b) =>
        b.ServiceAccount is { } sa ? [sa] : [.. b.Workloads.Select(w => $"{w.Workload.Namespace}/{w.Workload.ServiceAccountName}").Distinct()];
}
