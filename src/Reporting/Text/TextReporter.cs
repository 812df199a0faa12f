using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.Reporting.Text;

/// <summary>The terminal report: one line when safe, the findings worst first when something breaks.
/// Fits <see cref="ReportOptions.Width"/> columns; every model string goes through <see cref="SafeText.Clean"/>.</summary>
public sealed class TextReporter : IReporter
{
    private const int LabelWidth = 12;

    public string Format => "text";

    public void Write(AnalysisReport report, TextWriter output, ReportOptions options)
    {
        var page = new Page(output, options.Width, new Style(options.Color));
        switch (report.Verdict)
        {
            case Verdict.Safe:
                WriteSafe(report, page);
                break;
            case Verdict.Incomplete when report.Findings.IsDefaultOrEmpty:
                WriteIncomplete(report, page);
                break;
            default:
                WriteBreaks(report, page, options);
                break;
        }
    }

    private static void WriteSafe(AnalysisReport report, Page page)
    {
        // One line, whatever the width: scripts grep it.
        // Notes (e.g. what a text plan cannot show) are in the JSON, SARIF and Markdown reports.
        page.Line($"{ToolInfo.Name}: {page.Style.Verdict(Verdict.Safe, "safe")} — {(IsKubespray(report) ? "the kubespray run changes nothing the cluster runs" : ChangeCounts.Safe(report.Changes))}");
    }

    private static void WriteIncomplete(AnalysisReport report, Page page)
    {
        page.Headline(Verdict.Incomplete, $"nothing found in {Subject(report)}, but state is missing:");
        WriteMissing(report, page);
        page.Blank();
        WriteSummary(report, page);
    }

    private static void WriteBreaks(AnalysisReport report, Page page, ReportOptions options)
    {
        var findings = FindingOrder.Sort(report.Findings);
        page.Headline(report.Verdict, $"{FindingOrder.Counted(findings)} in {Subject(report)}");
        foreach (var finding in findings)
        {
            page.Blank();
            WriteFinding(finding, page, options);
        }
        page.Blank();
        if (!report.Missing.IsDefaultOrEmpty)
        {
            page.Line("Some state could not be read, so more may break:");
            WriteMissing(report, page);
            page.Blank();
        }
        WriteSummary(report, page);
    }

    private static void WriteFinding(Finding finding, Page page, ReportOptions options)
    {
        var tag = finding.Severity.ToWire().ToUpperInvariant();
        page.Wrapped($"{tag} {SafeText.Clean(finding.RuleId)} — {SafeText.Clean(finding.Title)}", "", "  ",
            styleFirst: l => page.Style.Severity(finding.Severity, tag) + page.Style.Bold(l[tag.Length..]));
        page.Wrapped(SafeText.Clean(finding.Message), "  ", "  ");
        page.Blank();
        if (finding.Change is { } change)
            page.Field("change", $"{SafeText.Clean(change.Address)} ({SafeText.Clean(string.Join(", ", change.Actions))})");
        if (finding.Source is { } source)
        {
            page.Field("source", SafeText.Clean(source.File) + (source.Line is { } line ? $":{line}" + (source.Column is { } column ? $":{column}" : "") : ""));
            if (source.LineText is { Length: > 0 } text) page.Field("", "| " + SafeText.Clean(text.Trim()));
        }
        var impact = finding.Impact;
        page.Field("components", Listed(impact.Components, int.MaxValue));
        page.Field("nodes", Listed(impact.Nodes, options.MaxListed));
        page.Field("instances", Listed(impact.Instances, options.MaxListed));
        page.Field("accounts", Listed(impact.ServiceAccounts, options.MaxListed));
        page.Field("when", $"{impact.TimeToImpact.ToWire()}: {TimeToImpactText.Explain(impact.TimeToImpact)}");
        if (!finding.Evidence.IsDefaultOrEmpty)
        {
            page.Line("  evidence");
            for (var i = 0; i < finding.Evidence.Length; i++)
            {
                var number = $"{i + 1}. ";
                var indent = new string(' ', 4 + number.Length);
                page.Wrapped(SafeText.Clean(finding.Evidence[i].Fact), "    " + number, indent);
                var from = SafeText.Clean(finding.Evidence[i].From);
                if (from.Length > 0) page.Wrapped("from " + from, indent, indent + "     ", styleEach: page.Style.Dim);
            }
        }
        page.Field("fix", SafeText.Clean(finding.Remediation));
    }

    private static void WriteMissing(AnalysisReport report, Page page)
    {
        foreach (var missing in report.Missing.IsDefault ? [] : report.Missing)
            page.Wrapped(SafeText.Clean(missing), "  - ", "    ");
    }

    private static void WriteSummary(AnalysisReport report, Page page)
    {
        var changes = report.Changes;
        var byAction = ChangeCounts.ByAction(changes);
        page.Wrapped($"{ChangeCounts.Total(changes)}{(byAction.Length > 0 ? ": " + byAction : "")}.", "", "  ");
        page.Wrapped($"{ChangeCounts.Buckets(changes)}.", "", "  ");
        var input = report.Input;
        var details = new List<string>();
        if (input.FormatVersion is { } version) details.Add("format " + SafeText.Clean(version));
        if (input.Producer is { } producer) details.Add(SafeText.Clean(producer));
        var account = report.AccountId is { } id ? $", AWS account {SafeText.Clean(id)}" : "";
        page.Wrapped($"Input: {SafeText.Clean(input.Kind)}{(details.Count > 0 ? $" ({string.Join(", ", details)})" : "")}{account}.", "", "  ");
        WriteNotes(report, page);
    }

    /// <summary>What was analysed: "7 changes", or the kubespray run (which has variables, not resource changes).</summary>
    private static string Subject(AnalysisReport report) =>
        IsKubespray(report) ? "the kubespray run" : ChangeCounts.Total(report.Changes);

    private static bool IsKubespray(AnalysisReport report) => report.Input.Kind == "kubespray";

    private static void WriteNotes(AnalysisReport report, Page page)
    {
        foreach (var note in report.Notes.IsDefault ? [] : report.Notes)
            page.Wrapped("note: " + SafeText.Clean(note), "", "      ", styleEach: page.Style.Dim);
    }

    private static string Listed(ImmutableArray<string> items, int max)
    {
        if (items.IsDefaultOrEmpty) return "";
        var shown = items.Take(max).Select(SafeText.Clean);
        var more = items.Length > max ? $" and {items.Length - max} more" : "";
        return string.Join(", ", shown) + more;
    }

    /// <summary>Writes LF-terminated lines wrapped to the width. Text is wrapped plain and styled afterwards,
    /// so colour codes never count as width.</summary>
    private sealed class Page(TextWriter output, int width, Style style)
    {
        public Style Style => style;

        public void Line(string text) => output.Write(text + "\n");

        public void Blank() => output.Write('\n');

        public void Field(string label, string value)
        {
            if (value.Length == 0) return;
            var first = "  " + label.PadRight(LabelWidth);
            Wrapped(value, first, new string(' ', first.Length));
        }

        /// <summary>Wraps <paramref name="plain"/>; <paramref name="styleFirst"/> styles the first line,
        /// <paramref name="styleEach"/> every line.</summary>
        public void Wrapped(string plain, string firstIndent, string indent,
            Func<string, string>? styleFirst = null, Func<string, string>? styleEach = null)
        {
            var lines = WordWrap.Lines(plain, width - Math.Max(firstIndent.Length, indent.Length));
            for (var i = 0; i < lines.Count; i++)
            {
                var line = styleEach is null ? lines[i] : styleEach(lines[i]);
                if (i == 0 && styleFirst is not null) line = styleFirst(line);
                Line((i == 0 ? firstIndent : indent) + line);
            }
        }

        /// <summary>A headline: "kalc-iac: VERDICT — rest", with the verdict word coloured.</summary>
        public void Headline(Verdict verdict, string rest)
        {
            var head = $"{ToolInfo.Name}: {verdict.ToString().ToLowerInvariant()}";
            Wrapped($"{head} — {rest}", "", "  ",
                styleFirst: l => l.StartsWith(head, StringComparison.Ordinal)
                    ? $"{ToolInfo.Name}: {style.Verdict(verdict, head[(ToolInfo.Name.Length + 2)..])}{l[head.Length..]}"
                    : l);
        }
    }
}
