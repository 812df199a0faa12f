using Kalc.Iac.Reporting.Markdown;

namespace Kalc.Iac.Reporting.Tests;

public sealed class MarkdownReporterTests
{
    [Fact]
    public void The_table_has_one_row_per_finding_worst_first()
    {
        var md = SampleReports.Render("markdown", SampleReports.Breaks());
        var rows = md.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, rows.Count);
        Assert.StartsWith("| critical | [KIAC101]", rows[2]);
        Assert.StartsWith("| high | [KIAC201]", rows[3]);
        Assert.All(rows, r => Assert.Equal(6, CountUnescapedPipes(r)));
    }

    [Fact]
    public void Hostile_values_cannot_break_the_table_open_html_or_make_links()
    {
        var md = SampleReports.Render("markdown", HostileReport.Build());
        var row = md.Split('\n').Single(l => l.StartsWith("| critical", StringComparison.Ordinal));
        Assert.Equal(6, CountUnescapedPipes(row));
        Assert.DoesNotContain("<script>", md);
        Assert.DoesNotContain("</details><details open>", md);
        Assert.DoesNotContain("[click](https", md);
        Assert.Contains("\\[click\\]\\(https://evil.example\\)", md);
        Assert.DoesNotContain('\u001b', md);
        Assert.Contains("\\# not a heading - not a list", md);
        Assert.Equal(1, md.Split('\n').Count(l => l == "</details>"));
    }

    [Fact]
    public void Code_spans_use_a_fence_longer_than_any_backtick_run_in_the_value()
    {
        Assert.Equal("``a`b``", MarkdownText.Code("a`b", inTable: false));
        Assert.Equal("``` ``x ```", MarkdownText.Code("``x", inTable: false));
        Assert.Equal("`a\\|b`", MarkdownText.Code("a|b", inTable: true));
    }

    [Fact]
    public void Each_finding_gets_a_collapsed_details_block_with_its_evidence()
    {
        var md = SampleReports.Render("markdown", SampleReports.Breaks());
        Assert.Equal(2, md.Split('\n').Count(l => l == "<details>"));
        Assert.Contains("<summary>critical KIAC101: Node instance profile deleted (module.iam.aws_iam_instance_profile.kube_node)</summary>", md);
        Assert.Contains("7. on-credential-refresh: the current credentials keep working", md);
    }

    [Fact]
    public void The_heading_carries_the_verdict_as_text()
    {
        Assert.StartsWith("## kalc-iac: safe\n", SampleReports.Render("markdown", SampleReports.Safe()));
        Assert.StartsWith("## kalc-iac: incomplete\n", SampleReports.Render("markdown", SampleReports.Incomplete()));
    }

    private static int CountUnescapedPipes(string row) =>
        row.Where((c, i) => c == '|' && (i == 0 || row[i - 1] != '\\')).Count();
}
