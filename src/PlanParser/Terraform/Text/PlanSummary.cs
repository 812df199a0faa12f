using System.Text.RegularExpressions;

namespace Kalc.Iac.PlanParser.Terraform.Text;

/// <summary>The <c>Plan: [N to import, ]X to add, Y to change, Z to destroy[, N to forget].</c> line.
/// A count the line does not state is null and is not checked.</summary>
internal sealed partial record PlanSummary(int Add, int Change, int Destroy, int? Import, int? Forget)
{
    public static readonly PlanSummary NoChanges = new(0, 0, 0, 0, null);

    [GeneratedRegex(@"(?<n>\d+) to (?<what>import|add|change|destroy|forget)\b")]
    private static partial Regex Count();

    public static PlanSummary? TryParse(string trimmed)
    {
        if (!trimmed.StartsWith("Plan:", StringComparison.Ordinal)) return null;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match m in Count().Matches(trimmed))
        {
            if (!int.TryParse(m.Groups["n"].Value, out var n)) return null;
            counts[m.Groups["what"].Value] = n;
        }
        if (!counts.TryGetValue("add", out var add) || !counts.TryGetValue("change", out var change) ||
            !counts.TryGetValue("destroy", out var destroy)) return null;
        return new PlanSummary(add, change, destroy,
            counts.TryGetValue("import", out var i) ? i : null, counts.TryGetValue("forget", out var f) ? f : null);
    }

    /// <summary>The first disagreement between this line and the counted changes, or null when they agree.</summary>
    public string? Disagreement(PlanSummary parsed, bool noChangesLine)
    {
        var said = noChangesLine ? "\"No changes.\"" : "plan summary";
        if (Add != parsed.Add) return $"{said} says {Add} to add but {parsed.Add} creates were parsed";
        if (Change != parsed.Change) return $"{said} says {Change} to change but {parsed.Change} updates were parsed";
        if (Destroy != parsed.Destroy) return $"{said} says {Destroy} to destroy but {parsed.Destroy} destroys were parsed";
        if (Import is { } import && import != parsed.Import) return $"{said} says {import} to import but {parsed.Import} imports were parsed";
        if (Forget is { } forget && forget != parsed.Forget) return $"{said} says {forget} to forget but {parsed.Forget} forgets were parsed";
        return null;
    }
}
