using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.Reporting.Incidents;

/// <summary>Groups findings into incidents: the same rule category (the root cause: node credentials, IAM permissions,
/// a kubespray run), the same broken components and the same nodes and instances. A finding that names no node,
/// instance or service account is an incident of its own, so unrelated findings are never merged.</summary>
public static class IncidentGrouping
{
    public static ImmutableArray<Incident> Group(ImmutableArray<Finding> findings, ImmutableArray<RuleDescriptor> rules)
    {
        var categories = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in rules.IsDefault ? [] : rules) categories.TryAdd(rule.Id, rule.Category);
        var groups = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
        var order = new List<string>();
        var sorted = FindingOrder.Sort(findings);
        for (var i = 0; i < sorted.Length; i++)
        {
            var key = Key(sorted[i], categories, i);
            if (!groups.TryGetValue(key, out var members))
            {
                groups[key] = members = [];
                order.Add(key);
            }
            members.Add(sorted[i]);
        }
        return [.. order.Select(k => new Incident { Findings = [.. groups[k]] })];
    }

    private static string Key(Finding f, Dictionary<string, string> categories, int index)
    {
        var impact = f.Impact;
        if (IsEmpty(impact.Nodes) && IsEmpty(impact.Instances) && IsEmpty(impact.ServiceAccounts))
            return "#" + index;
        // A rule missing from the list (a report built by hand) falls back to its id's family, KIAC1xx and so on.
        var category = categories.GetValueOrDefault(f.RuleId) ?? (f.RuleId.Length > 5 ? f.RuleId[..5] : f.RuleId);
        return string.Join('\u0001', category, Sorted(impact.Components), Sorted(impact.Nodes), Sorted(impact.Instances), Sorted(impact.ServiceAccounts));
    }

    private static bool IsEmpty(ImmutableArray<string> items) => items.IsDefaultOrEmpty;

    private static string Sorted(ImmutableArray<string> items) =>
        items.IsDefaultOrEmpty ? "" : string.Join('\u0002', items.Order(StringComparer.Ordinal));
}
