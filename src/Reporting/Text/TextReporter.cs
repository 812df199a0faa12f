using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Reporting.Incidents;

namespace Kalc.Iac.Reporting.Text;

/// <summary>The terminal report: one line when safe; when something breaks, the verdict and one short block per incident
/// (what breaks, when, where, the fix), or with <see cref="ReportOptions.Verbose"/> every finding with its evidence chain.
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
        if (options.Verbose)
        {
            page.Headline(report.Verdict, $"{FindingOrder.Counted(findings)} in {Subject(report)}");
            foreach (var finding in findings)
            {
                page.Blank();
                WriteFinding(finding, page, options);
            }
        }
        else
        {
            var incidents = IncidentGrouping.Group(findings, report.Rules);
            var grouped = incidents.Length == findings.Length ? "" : $", {ChangeCounts.Plural(incidents.Length, "incident")}";
            page.Headline(report.Verdict, $"{FindingOrder.Counted(findings)}{grouped} in {Subject(report)}");
            foreach (var incident in incidents)
            {
                page.Blank();
                WriteIncident(incident, page, options);
            }
        }
        page.Blank();
        if (!report.Missing.IsDefaultOrEmpty)
        {
            page.Line("Some state could not be read, so more may break:");
            WriteMissing(report, page);
            page.Blank();
        }
        WriteSummary(report, page);
        if (!options.Verbose)
            page.Wrapped("The evidence behind each finding: --verbose, or the json/sarif report.", "", "  ", styleEach: page.Style.Dim);
    }

    /// <summary>One incident in a few lines: what breaks (each finding's message), the changes that cause it and where
    /// they are declared, the components, how many nodes/instances/accounts (the first few named), when, and the fix.</summary>
    private static void WriteIncident(Incident incident, Page page, ReportOptions options)
    {
        var tag = incident.Severity.ToWire().ToUpperInvariant();
        var first = incident.Findings[0];
        page.Wrapped($"{tag} {string.Join(", ", incident.RuleIds.Select(SafeText.Clean))} — {SafeText.Clean(first.Title)}", "", "  ",
            styleFirst: l => page.Style.Severity(incident.Severity, tag) + page.Style.Bold(l[tag.Length..]));
        // The worst finding's message says what breaks; the related findings hit the same components on the same
        // machines, so their changes (with their rule ids) are what they add.
        page.Wrapped(SafeText.Clean(first.Message), "  ", "  ");
        var tagged = incident.RuleIds.Length > 1;
        var changes = incident.Findings.Where(f => f.Change is not null || f.Source is not null)
            .Select(f => (Line: ChangeLine(f) + (tagged ? $" [{SafeText.Clean(f.RuleId)}]" : ""), Code: f.Source?.LineText)).Distinct().ToList();
        for (var i = 0; i < changes.Count; i++)
        {
            page.Field(i == 0 ? (changes.Count == 1 ? "change" : "changes") : "", changes[i].Line);
            // With --source: the line of the user's code that declares it.
            if (changes[i].Code is { Length: > 0 } code) page.Field("", "| " + SafeText.Clean(code.Trim()));
        }
        page.Field("components", Listed(incident.Components, int.MaxValue));
        page.Field("nodes", Counted(incident.Nodes, options.ShortListed));
        page.Field("instances", Counted(incident.Instances, options.ShortListed));
        page.Field("accounts", Counted(incident.ServiceAccounts, options.ShortListed));
        var times = incident.Times;
        foreach (var (when, rules) in times)
        {
            var by = times.Length > 1 ? $" ({string.Join(", ", rules.Select(SafeText.Clean))})" : "";
            page.Field(when == times[0].When ? "when" : "", $"{when.ToWire()}{by}: {TimeToImpactText.Explain(when)}");
        }
        var fixes = incident.Fixes;
        foreach (var (fix, rules) in fixes)
        {
            var by = fixes.Length > 1 ? $"{string.Join(", ", rules.Select(SafeText.Clean))}: " : "";
            page.Field(fix == fixes[0].Fix ? "fix" : "", by + SafeText.Clean(fix));
        }
    }

    /// <summary>"module.iam.aws_iam_role.node (delete) at modules/iam/main.tf:12".</summary>
    private static string ChangeLine(Finding f)
    {
        var change = f.Change is { } c ? $"{SafeText.Clean(c.Address)} ({SafeText.Clean(string.Join(", ", c.Actions))})" : "";
        var at = f.Source is { } s ? SafeText.Clean(s.File) + (s.Line is { } line ? $":{line}" + (s.Column is { } column ? $":{column}" : "") : "") : "";
        return change.Length > 0 && at.Length > 0 ? $"{change} at {at}" : change + at;
    }

    /// <summary>"7: a, b, c and 4 more", or "a, b" when all are named.</summary>
    private static string Counted(ImmutableArray<string> items, int max) =>
        items.IsDefaultOrEmpty ? "" : items.Length > max ? $"{items.Length}: {Listed(items, max)}" : Listed(items, max);

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
                var from = SafeText.Clean(finding.Evidence[i].From.ToString());
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
        var unread = report.NotRead.IsDefault ? [] : report.NotRead;
        foreach (var n in unread.Take(MaxNotRead))
            page.Wrapped($"not read: {SafeText.Clean(n.File)} ({SafeText.Clean(n.Output)}: not an output kalc-iac reads)", "", "      ", styleEach: page.Style.Dim);
        if (unread.Length > MaxNotRead)
            page.Wrapped($"not read: {unread.Length - MaxNotRead} more files (all are listed in the JSON report)", "", "      ", styleEach: page.Style.Dim);
    }

    /// <summary>Unread state files the short report lists by name; the JSON report lists them all.</summary>
    private const int MaxNotRead = 5;

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

        /// <summary>"  label       value", wrapped under the value; an empty label continues the field above.</summary>
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
