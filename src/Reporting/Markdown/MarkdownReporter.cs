using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.Reporting.Markdown;

/// <summary>A pull-request comment (Atlantis, GitHub Actions): a heading with the verdict, a table of findings,
/// and each finding's evidence in a collapsed &lt;details&gt; block. Every model string is escaped.</summary>
public sealed class MarkdownReporter : IReporter
{
    public string Format => "markdown";

    public void Write(AnalysisReport report, TextWriter output, ReportOptions options)
    {
        var md = new MarkdownPage(output);
        var findings = FindingOrder.Sort(report.Findings);
        md.Line($"## {ToolInfo.Name}: {report.Verdict.ToString().ToLowerInvariant()}");
        md.Blank();
        md.Line(Headline(report, findings));
        md.Blank();
        if (!report.Missing.IsDefaultOrEmpty)
        {
            md.Line(findings.IsEmpty ? "Missing state:" : "Some state could not be read, so more may break:");
            md.Blank();
            foreach (var missing in report.Missing) md.Line("- " + MarkdownText.Escape(missing));
            md.Blank();
        }
        if (!findings.IsEmpty)
        {
            WriteTable(md, findings, report.Rules);
            foreach (var finding in findings) WriteDetails(md, finding, options);
        }
        WriteFooter(md, report, options);
    }

    private static string Headline(AnalysisReport report, ImmutableArray<Finding> findings)
    {
        var changes = report.Changes;
        var byAction = ChangeCounts.ByAction(changes);
        var counted = $"{ChangeCounts.Total(changes)}{(byAction.Length > 0 ? $" ({byAction})" : "")}: {ChangeCounts.Buckets(changes)}.";
        return report.Verdict switch
        {
            Verdict.Safe => char.ToUpperInvariant(ChangeCounts.Safe(changes)[0]) + ChangeCounts.Safe(changes)[1..] + ".",
            _ when findings.IsEmpty => $"No breakage found, but the answer is not known. {counted}",
            _ => $"{FindingOrder.Counted(findings)} in {counted}",
        };
    }

    private static void WriteTable(MarkdownPage md, ImmutableArray<Finding> findings, ImmutableArray<RuleDescriptor> rules)
    {
        md.Line("| Severity | Rule | Resource | Components | When |");
        md.Line("| --- | --- | --- | --- | --- |");
        foreach (var f in findings)
        {
            var help = rules.IsDefault ? null : rules.FirstOrDefault(r => r.Id == f.RuleId)?.HelpLink;
            var rule = $"[{MarkdownText.Escape(f.RuleId)}]({MarkdownText.Url(help ?? RuleDescriptors.DocsBase + f.RuleId + ".md")}) {MarkdownText.Escape(f.Title)}";
            var resource = f.Change is { } c ? $"{MarkdownText.Code(c.Address, inTable: true)} ({MarkdownText.Escape(string.Join(", ", c.Actions))})" : "";
            md.Line($"| {f.Severity.ToWire()} | {rule} | {resource} | {Joined(f.Impact.Components, int.MaxValue)} | {f.Impact.TimeToImpact.ToWire()} |");
        }
        md.Blank();
    }

    private static void WriteDetails(MarkdownPage md, Finding f, ReportOptions options)
    {
        var where = f.Change is { } c ? $" ({MarkdownText.Html(c.Address)})" : "";
        md.Line("<details>");
        md.Line($"<summary>{f.Severity.ToWire()} {MarkdownText.Html(f.RuleId)}: {MarkdownText.Html(f.Title)}{where}</summary>");
        md.Blank();
        md.Line(MarkdownText.Escape(f.Message));
        md.Blank();
        if (f.Change is { } change)
            md.Line($"- **Change:** {MarkdownText.Code(change.Address, inTable: false)} ({MarkdownText.Escape(string.Join(", ", change.Actions))})");
        if (f.Source is { } source)
            md.Line($"- **Source:** {MarkdownText.Code(source.File + (source.Line is { } line ? $":{line}" : ""), inTable: false)}"
                + (source.LineText is { Length: > 0 } text ? $" {MarkdownText.Code(text.Trim(), inTable: false)}" : ""));
        md.Item("Components", Joined(f.Impact.Components, int.MaxValue));
        md.Item("Nodes", Joined(f.Impact.Nodes, options.MaxListed));
        md.Item("Instances", Joined(f.Impact.Instances, options.MaxListed));
        md.Item("Service accounts", Joined(f.Impact.ServiceAccounts, options.MaxListed));
        md.Line($"- **When:** {f.Impact.TimeToImpact.ToWire()}: {TimeToImpactText.Explain(f.Impact.TimeToImpact)}");
        md.Blank();
        if (!f.Evidence.IsDefaultOrEmpty)
        {
            md.Line("**Evidence**");
            md.Blank();
            for (var i = 0; i < f.Evidence.Length; i++)
            {
                var step = f.Evidence[i];
                var from = step.From.Length > 0 ? $" _(from {MarkdownText.Escape(step.From)})_" : "";
                md.Line($"{i + 1}. {MarkdownText.Escape(step.Fact)}{from}");
            }
            md.Blank();
        }
        md.Line($"**Fix:** {MarkdownText.Escape(f.Remediation)}");
        md.Blank();
        md.Line("</details>");
        md.Blank();
    }

    private static void WriteFooter(MarkdownPage md, AnalysisReport report, ReportOptions options)
    {
        if (!report.Notes.IsDefaultOrEmpty)
        {
            md.Line("**Notes**");
            md.Blank();
            foreach (var note in report.Notes) md.Line("- " + MarkdownText.Escape(note));
            md.Blank();
        }
        var input = report.Input;
        var parts = new List<string> { MarkdownText.Escape(input.Kind) };
        if (input.FormatVersion is { } version) parts.Add("format " + MarkdownText.Escape(version));
        if (input.Producer is { } producer) parts.Add(MarkdownText.Escape(producer));
        if (report.AccountId is { } account) parts.Add("AWS account " + MarkdownText.Escape(account));
        md.Line($"<sub>{ToolInfo.Name} {MarkdownText.Escape(options.ToolVersion)} · {string.Join(" · ", parts)}</sub>");
    }

    private static string Joined(ImmutableArray<string> items, int max)
    {
        if (items.IsDefaultOrEmpty) return "";
        var shown = string.Join(", ", items.Take(max).Select(MarkdownText.Escape));
        return items.Length > max ? $"{shown} and {items.Length - max} more" : shown;
    }

    private sealed class MarkdownPage(TextWriter output)
    {
        public void Line(string text) => output.Write(text + "\n");

        public void Blank() => output.Write('\n');

        public void Item(string label, string value)
        {
            if (value.Length > 0) Line($"- **{label}:** {value}");
        }
    }
}
