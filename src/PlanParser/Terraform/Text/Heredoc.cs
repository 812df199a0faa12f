using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Text;

/// <summary>A multi-line string printed as <c>&lt;&lt;-EOT ... EOT</c>. Content starts four columns right of
/// the closing delimiter; in an update, column +2 holds each line's <c>+</c>/<c>-</c> marker.</summary>
internal static class Heredoc
{
    public static Diff Sides(List<string> body, int delimiterColumn, bool diffed, ref int hidden)
    {
        var before = new List<string>();
        var after = new List<string>();
        var partial = false;
        foreach (var raw in body)
        {
            var marker = diffed && raw.Length > delimiterColumn + 2 ? raw[delimiterColumn + 2] : ' ';
            var text = Content(raw, delimiterColumn + 4);
            if (marker == ' ' && text.TrimStart().StartsWith("# (", StringComparison.Ordinal) && text.Contains("unchanged", StringComparison.Ordinal))
            {
                partial = true;
                continue;
            }
            if (marker != '+') before.Add(text);
            if (marker != '-') after.Add(text);
        }
        if (partial)
        {
            hidden++;
            return new Diff(PlanValue.Unknown, PlanValue.Unknown);
        }
        return new Diff(Join(before), Join(after));
    }

    private static PlanString Join(List<string> lines) => new(lines.Count == 0 ? "" : string.Join('\n', lines) + "\n");

    private static string Content(string raw, int column)
    {
        if (raw.Length <= column) return raw.Trim().Length == 0 ? "" : raw.TrimStart();
        return string.IsNullOrWhiteSpace(raw[..column]) || raw[..column].Trim() is "+" or "-" ? raw[column..] : raw.TrimStart();
    }
}
