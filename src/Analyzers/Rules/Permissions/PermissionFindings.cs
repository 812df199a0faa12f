using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Rules.NodeCredentials;
using Kalc.Iac.AwsModel.Iam;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Rules.Permissions;

/// <summary>The parts every permission finding shares: the causing change, its location, and how evaluations read as evidence.</summary>
internal static class PermissionFindings
{
    public static ChangeRef? ChangeOf(MappedChange? cause) =>
        cause is null ? null : new ChangeRef(cause.Change.Address, [.. cause.Change.Actions.Select(a => a.ToWire())]);

    public static SourceLocation? SourceOf(MappedChange? cause) =>
        cause?.Change.Source is { Line: { } line } s ? new SourceLocation(s.File, line) : null;

    public static Evidence PlanStep(MappedChange? cause, string what) => cause is null
        ? new Evidence($"the plan, as a whole, {what}", "plan")
        : new Evidence($"the plan will {Verb(cause.Change)} {cause.Change.Type} {cause.Change.Address}: {what}", NodeCredentialFindings.PlanFrom(cause.Change));

    public static string Verb(ResourceChange c) => c.Kind switch
    {
        ChangeKind.Delete => "destroy",
        ChangeKind.Replace => "replace",
        ChangeKind.Update => "update",
        ChangeKind.Create => "create",
        _ => c.Kind.ToWire(),
    };

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
