using System.Text;
using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.Reporting;

/// <summary>Renders docs/rules/ID.md and the docs/rules.md index from the rule descriptors, so the docs cannot drift.</summary>
public static class RuleDocs
{
    public static string Page(RuleDescriptor rule, IReadOnlyList<string> firing, IReadOnlyList<string> quiet)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(rule.Id).Append(": ").Append(rule.Title).Append("\n\n");
        sb.Append("| | |\n|---|---|\n");
        sb.Append("| id | `").Append(rule.Id).Append("` |\n");
        sb.Append("| category | ").Append(rule.Category).Append(" |\n");
        sb.Append("| default severity | ").Append(rule.Severity.ToWire()).Append(" |\n");
        sb.Append("| protects | ").Append(string.Join(", ", rule.Components.Select(c => $"`{c}`"))).Append(" |\n");
        sb.Append("| judges | ").Append(rule.Judges.IsEmpty ? "-" : string.Join(", ", rule.Judges.Select(t => $"`{t}`"))).Append(" |\n");
        sb.Append("| reads | ").Append(rule.Reads.IsEmpty ? "-" : string.Join("; ", rule.Reads.Select(n => $"{n.Name} (`{n.Command}`)"))).Append(" |\n");
        if (!rule.ReadsWhenRelevant.IsEmpty)
            sb.Append("| reads when relevant | ").Append(string.Join("; ", rule.ReadsWhenRelevant.Select(n => $"{n.Name} (`{n.Command}`)"))).Append(" |\n");
        sb.Append('\n');
        sb.Append("## Why\n\n").Append(rule.Rationale).Append("\n\n");
        sb.Append("## What to do\n\n").Append(rule.Remediation).Append("\n\n");
        sb.Append("## Fixtures\n\n");
        foreach (var f in firing) sb.Append("- fires: `").Append(f).Append("`\n");
        foreach (var f in quiet) sb.Append("- stays quiet: `").Append(f).Append("`\n");
        sb.Append("\n_Generated from the rule's descriptor by `KALC_UPDATE_GOLDEN=1 ./test.sh`; edit the descriptor, not this page._\n");
        return sb.ToString();
    }

    public static string Index(IEnumerable<RuleDescriptor> rules)
    {
        var sb = new StringBuilder("# Rules\n\n| id | severity | category | title |\n|---|---|---|---|\n");
        foreach (var r in rules.OrderBy(r => r.Id, StringComparer.Ordinal))
            sb.Append("| [").Append(r.Id).Append("](rules/").Append(r.Id).Append(".md) | ").Append(r.Severity.ToWire()).Append(" | ")
              .Append(r.Category).Append(" | ").Append(r.Title).Append(" |\n");
        sb.Append("\n_Generated from the rule descriptors; see `kalc-iac rules` and `kalc-iac explain ID`._\n");
        return sb.ToString();
    }
}
