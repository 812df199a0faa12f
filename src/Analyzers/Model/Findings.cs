using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Model;

/// <summary>The one way to build a <see cref="Finding"/>: title, default severity and remediation come from the rule's
/// descriptor; the change reference and source location from the change that causes it.</summary>
public static class Findings
{
    /// <summary>A finding caused by a plan change (or by the plan as a whole when <paramref name="cause"/> is null).</summary>
    public static Finding For(RuleDescriptor rule, ResourceChange? cause, string message, Impact impact, IEnumerable<Evidence> evidence,
        Severity? severity = null, string? remediation = null) =>
        For(rule, cause is null ? null : ChangeRef.Of(cause), cause?.Source is { Line: not null } s ? s : null,
            message, impact, evidence, severity, remediation);

    /// <summary>A finding whose cause is not a plan change (a kubespray variable): the subject and where it is set.</summary>
    public static Finding For(RuleDescriptor rule, ChangeRef? change, SourceRef? source, string message, Impact impact,
        IEnumerable<Evidence> evidence, Severity? severity = null, string? remediation = null) => new()
        {
            RuleId = rule.Id,
            Severity = severity ?? rule.Severity,
            Title = rule.Title,
            Message = message,
            Change = change,
            Source = source,
            Impact = impact,
            Evidence = [.. evidence],
            Remediation = remediation ?? rule.Remediation,
        };

    /// <summary>The first step of most chains: what the plan does to the object, pointing at the change in the plan.</summary>
    public static Evidence PlanStep(ResourceChange change, string what) =>
        new($"the plan will {Verb(change)} {change.Type} {change.Address}: {what}", change.Source);

    public static string Verb(ResourceChange c) => c.Kind switch
    {
        ChangeKind.Delete => "destroy",
        ChangeKind.Replace => c.ReplaceOrder == ReplaceOrder.CreateBeforeDestroy ? "replace (create before destroy)" : "replace (destroy, then create)",
        ChangeKind.Update => "update",
        ChangeKind.Create => "create",
        _ => c.Kind.ToWire(),
    };
}
