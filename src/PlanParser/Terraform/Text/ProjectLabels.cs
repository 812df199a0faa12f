using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Text;

/// <summary>Names each plan of a multi-plan input so that equal addresses in different projects stay apart:
/// the terragrunt unit or Atlantis project when known, else "plan N".</summary>
internal static class ProjectLabels
{
    /// <summary>One label per plan, or nulls when there is only one plan (its addresses stay as printed).</summary>
    public static string?[] For(List<string?> streamLabels)
    {
        if (streamLabels.Count <= 1) return [.. streamLabels.Select(_ => (string?)null)];
        var labels = new string?[streamLabels.Count];
        var perLabel = streamLabels.GroupBy(l => l ?? "").ToDictionary(g => g.Key, g => g.Count());
        var seen = new Dictionary<string, int>();
        for (var i = 0; i < streamLabels.Count; i++)
        {
            var key = streamLabels[i] ?? "";
            seen[key] = seen.GetValueOrDefault(key) + 1;
            labels[i] = key.Length == 0 ? $"plan {i + 1}" : perLabel[key] > 1 ? $"{key} plan {seen[key]}" : key;
        }
        return labels;
    }

    public static ResourceChange Prefix(ResourceChange change, string? label) => label is null
        ? change
        : change with
        {
            Address = $"[{label}] {change.Address}",
            PreviousAddress = change.PreviousAddress is null ? null : $"[{label}] {change.PreviousAddress}",
            Source = change.Source with { Path = $"[{label}] {change.Source.Path}" },
        };
}
