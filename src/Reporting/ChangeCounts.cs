using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Reporting;

/// <summary>How the human-readable reporters phrase the change summary.</summary>
public static class ChangeCounts
{
    /// <summary>"12 changes" / "1 change".</summary>
    public static string Total(ChangeSummary changes) => Plural(changes.Total, "change");

    /// <summary>The safe verdict's phrase: "12 changes, none touches what the cluster uses (3 analysed, 9 unsupported)".</summary>
    public static string Safe(ChangeSummary changes) =>
        changes.Total == 0 ? "no changes" : $"{Total(changes)}, none touches what the cluster uses ({Buckets(changes)})";

    /// <summary>"3 analysed, 9 unsupported": the buckets that are not zero (all three when everything is zero).</summary>
    public static string Buckets(ChangeSummary changes)
    {
        var parts = new List<string>(3);
        if (changes.Analysed > 0) parts.Add($"{changes.Analysed} analysed");
        if (changes.Unsupported > 0) parts.Add($"{changes.Unsupported} unsupported");
        if (changes.Unknown > 0) parts.Add($"{changes.Unknown} unknown");
        return parts.Count == 0 ? "0 analysed" : string.Join(", ", parts);
    }

    /// <summary>"1 delete, 2 replace, 9 update": riskiest first, zeros left out.</summary>
    public static string ByAction(ChangeSummary changes)
    {
        ChangeKind[] order = [ChangeKind.Delete, ChangeKind.Replace, ChangeKind.Update, ChangeKind.Create, ChangeKind.Read, ChangeKind.Forget, ChangeKind.NoOp];
        return string.Join(", ", order
            .Select(k => (Kind: k, Count: changes.ByAction.GetValueOrDefault(k)))
            .Where(x => x.Count > 0)
            .Select(x => $"{x.Count} {x.Kind.ToWire()}"));
    }

    public static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
