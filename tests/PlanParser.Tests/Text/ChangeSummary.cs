using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Tests.Text;

/// <summary>A comparable projection of a Change (records holding ImmutableArray compare arrays by reference).</summary>
internal static class ChangeSummary
{
    public static List<string> Lines(Change change) =>
        [.. change.ResourceChanges.Select(Line), .. change.Drift.Select(c => "drift " + Line(c))];

    public static string Line(ResourceChange c) =>
        $"{c.Address} <- {c.PreviousAddress} [{string.Join(",", c.Actions.Select(a => a.ToWire()))}] {c.ReplaceOrder} " +
        $"reason={c.ActionReason} deposed={c.Deposed} import={c.Importing} complete={c.ValuesComplete} " +
        $"replace=[{string.Join(",", c.ReplacePaths)}] before={Render(c.Before)} after={Render(c.After)}";

    public static string Render(PlanValue v) => v switch
    {
        PlanList l => "[" + string.Join(",", l.Items.Select(Render)) + "]",
        PlanObject o => "{" + string.Join(",", o.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={Render(p.Value)}")) + "}",
        PlanString s => "\"" + s.Value.Replace("\n", "\\n", StringComparison.Ordinal) + "\"",
        _ => v.ToString() ?? "",
    };
}
