using System.Collections.Immutable;
using System.Text;
using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.Reporting.Markdown;

/// <summary>A pull-request comment (Atlantis, GitHub Actions): a heading with the verdict, a table of findings,
/// and each finding's evidence in a collapsed &lt;details&gt; block. Every model string is escaped. Never longer than
/// <see cref="ReportOptions.MaxMarkdownChars"/>: the most severe findings come first and in full, and when the rest does
/// not fit a line says how many were left out and where the full report is.</summary>
public sealed class MarkdownReporter : IReporter
{
    public string Format => "markdown";

    public void Write(AnalysisReport report, TextWriter output, ReportOptions options)
    {
        var findings = FindingOrder.Sort(report.Findings);
        var budget = Math.Max(options.MaxMarkdownChars, 4096);
        var head = Section(md =>
        {
            md.Line($"## {ToolInfo.Name}: {report.Verdict.ToString().ToLowerInvariant()}");
            md.Blank();
            md.Line(Headline(report, findings));
            md.Blank();
            if (!report.Missing.IsDefaultOrEmpty)
            {
                md.Line(findings.IsEmpty ? "Missing state:" : "Some state could not be read, so more may break:");
                md.Blank();
                Bulleted(md, report.Missing, budget / 8);
                md.Blank();
            }
        });
        var foot = Section(md => WriteFooter(md, report, options, budget / 8));
        // Room for the line that says what was left out.
        var room = budget - head.Length - foot.Length - 600;
        // The table gets at most half the room, so the most severe findings also fit in full.
        var table = new StringBuilder(TableHeader);
        var rows = 0;
        foreach (var f in findings)
        {
            var row = TableRow(f, report.Rules);
            if (table.Length + row.Length + 1 > room / 2) break;
            table.Append(row);
            rows++;
        }
        table.Append('\n');
        room -= table.Length;
        var details = new StringBuilder();
        var full = 0;
        for (; full < rows; full++)
        {
            var block = Section(md => WriteDetails(md, findings[full], options));
            if (details.Length + block.Length > room) break;
            details.Append(block);
        }
        output.Write(head);
        if (!findings.IsEmpty)
        {
            output.Write(table);
            output.Write(details);
            if (full < findings.Length) output.Write(LeftOut(findings.Length, rows, full, options.FullReport));
        }
        output.Write(foot);
    }

    private const string TableHeader = "| Severity | Rule | Resource | Components | When |\n| --- | --- | --- | --- | --- |\n";

    /// <summary>"12 of 3000 findings are shown in full; 2,400 are not in the table either. The full report: ...".</summary>
    private static string LeftOut(int total, int rows, int full, string? fullReport)
    {
        var where = fullReport is { Length: > 0 } ? MarkdownText.Escape(fullReport) : "run kalc-iac with `--format json` or `--format sarif`";
        var table = rows < total ? $" The table lists the {rows} most severe; {total - rows} more are left out." : "";
        return $"**{total - full} of {total} findings are not shown in full here** (the comment is capped at GitHub's size limit).{table} The full report: {where}.\n\n";
    }

    private static string Section(Action<MarkdownPage> write)
    {
        var text = new StringWriter();
        write(new MarkdownPage(text));
        return text.ToString();
    }

    /// <summary>A bulleted list of at most about <paramref name="max"/> characters, then "and N more".</summary>
    private static void Bulleted(MarkdownPage md, ImmutableArray<string> items, int max)
    {
        var written = 0;
        for (var i = 0; i < items.Length; i++)
        {
            var line = "- " + MarkdownText.Escape(items[i]);
            if (written + line.Length > max && i > 0)
            {
                md.Line($"- and {items.Length - i} more (see the full report)");
                return;
            }
            md.Line(line);
            written += line.Length + 1;
        }
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

    private static string TableRow(Finding f, ImmutableArray<RuleDescriptor> rules)
    {
        var help = rules.IsDefault ? null : rules.FirstOrDefault(r => r.Id == f.RuleId)?.HelpLink;
        var rule = $"[{MarkdownText.Escape(f.RuleId)}]({MarkdownText.Url(help ?? RuleDescriptors.DocsBase + f.RuleId + ".md")}) {MarkdownText.Escape(f.Title)}";
        var resource = f.Change is { } c ? $"{MarkdownText.Code(c.Address, inTable: true)} ({MarkdownText.Escape(string.Join(", ", c.Actions))})" : "";
        return $"| {f.Severity.ToWire()} | {rule} | {resource} | {Joined(f.Impact.Components, int.MaxValue)} | {f.Impact.TimeToImpact.ToWire()} |\n";
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
                var text = step.From.ToString();
                var from = text.Length > 0 ? $" _(from {MarkdownText.Escape(text)})_" : "";
                md.Line($"{i + 1}. {MarkdownText.Escape(step.Fact)}{from}");
            }
            md.Blank();
        }
        md.Line($"**Fix:** {MarkdownText.Escape(f.Remediation)}");
        md.Blank();
        md.Line("</details>");
        md.Blank();
    }

    private static void WriteFooter(MarkdownPage md, AnalysisReport report, ReportOptions options, int maxNotes)
    {
        if (!report.Notes.IsDefaultOrEmpty)
        {
            md.Line("**Notes**");
            md.Blank();
            Bulleted(md, report.Notes, maxNotes);
            md.Blank();
        }
        if (!report.NotRead.IsDefaultOrEmpty)
        {
            md.Line("**Not read** (outputs kalc-iac does not read)");
            md.Blank();
            Bulleted(md, [.. report.NotRead.Select(n => $"{n.File} ({n.Output})")], maxNotes);
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
