using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Rules.Lifecycle;

/// <summary>One step of evidence: a fact and where it comes from (an input, a published reference, kalc-iac's analysis).</summary>
public sealed record Step(string Fact, SourceRef From)
{
    public static Step Plan(ResourceChange change, string what) => new($"the plan will {Verb(change)} {change.Type} {change.Address}: {what}", change.Source);

    public static Step Reference(string fact, string url) => new(fact, SourceRef.Of(url));

    public static string Verb(ResourceChange c) => c.Kind switch
    {
        ChangeKind.Delete => "destroy",
        ChangeKind.Replace => c.ReplaceOrder == ReplaceOrder.CreateBeforeDestroy ? "replace (create before destroy)" : "replace (destroy, then create)",
        ChangeKind.Update => "update",
        ChangeKind.Create => "create",
        _ => c.Kind.ToWire(),
    };
}

/// <summary>Builds the findings of the subnet, add-on, lifecycle and scale-out rules: title, severity and remediation from
/// the descriptor, change and location from the causing plan change.</summary>
public static class LifecycleFindings
{
    public static Finding For(RuleDescriptor rule, ResourceChange cause, string message, Impact impact, IEnumerable<Step> evidence,
        Severity? severity = null) => new()
        {
            RuleId = rule.Id,
            Severity = severity ?? rule.Severity,
            Title = rule.Title,
            Message = message,
            Change = new ChangeRef(cause.Address, [.. cause.Actions.Select(a => a.ToWire())]),
            Source = cause.Source.Line is { } line ? new SourceRef(cause.Source.File, line) : null,
            Impact = impact,
            Evidence = [.. evidence.Select(e => new Evidence(e.Fact, e.From))],
            Remediation = rule.Remediation,
        };

    public static string Join(IEnumerable<string> items, int max = 6)
    {
        var list = items.ToList();
        return list.Count <= max ? string.Join(", ", list) : string.Join(", ", list.Take(max)) + $" and {list.Count - max} more";
    }

    public static string Plural(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";
}
