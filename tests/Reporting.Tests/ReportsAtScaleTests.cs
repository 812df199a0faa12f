using System.Text;
using Kalc.Iac.Reporting.Markdown;

namespace Kalc.Iac.Reporting.Tests;

/// <summary>3,000 findings, as a plan tearing down a large fleet gives: every report stays within what its host accepts.</summary>
public sealed class ReportsAtScaleTests
{
    private static readonly Lazy<Analyzers.Model.AnalysisReport> Large = new(() => ManyFindings.Report(3000));

    [Fact]
    public void Markdown_for_3000_findings_fits_a_github_comment_and_a_job_summary()
    {
        var md = SampleReports.Render("markdown", Large.Value);

        Assert.InRange(md.Length, 10_000, MarkdownLimits.GitHubComment);
        Assert.True(Encoding.UTF8.GetByteCount(md) < MarkdownLimits.GitHubJobSummaryBytes);
    }

    [Fact]
    public void Capped_markdown_keeps_the_verdict_and_table_first_the_worst_in_full_and_says_what_was_left_out()
    {
        var md = SampleReports.Render("markdown", Large.Value, SampleReports.Options with { FullReport = "kalc-iac.sarif (sarif)" });

        Assert.StartsWith("## kalc-iac: breaks\n\n3000 findings (600 critical, 600 high, 600 medium, 600 low, 600 info)", md);
        var table = md.IndexOf("| Severity | Rule |", StringComparison.Ordinal);
        var firstDetails = md.IndexOf("<details>", StringComparison.Ordinal);
        Assert.InRange(table, 1, firstDetails);
        // Worst first: the first block in full is critical, and no block in full is less severe than a row left out.
        Assert.StartsWith("<details>\n<summary>critical", md[firstDetails..]);
        Assert.DoesNotContain("<summary>info", md);
        Assert.Matches(@"\*\*\d+ of 3000 findings are not shown in full here\*\*", md);
        Assert.Contains("The full report: kalc-iac.sarif \\(sarif\\).", md);
        Assert.Contains("more (see the full report)", md);
        Assert.EndsWith("</sub>\n", md);
        Assert.Equal(md.Split("<details>").Length, md.Split("</details>").Length);
    }

    [Fact]
    public void Markdown_under_the_cap_is_whole()
    {
        var md = SampleReports.Render("markdown", ManyFindings.Report(5) with { Missing = [], Notes = [] });

        Assert.Equal(5, md.Split('\n').Count(l => l == "<details>"));
        Assert.DoesNotContain("not shown in full", md);
    }

    [Fact]
    public void A_lower_cap_is_honoured_too()
    {
        var md = SampleReports.Render("markdown", Large.Value, SampleReports.Options with { MaxMarkdownChars = 20_000 });

        Assert.InRange(md.Length, 5_000, 20_000);
        Assert.Contains("not shown in full", md);
    }

    [Fact]
    public void Sarif_for_3000_findings_meets_the_schema_and_code_scanning_limits()
    {
        var sarif = SampleReports.Render("sarif", Large.Value, SampleReports.Options with { Artifacts = SarifCodeScanningTests.Repository(existing: ["infra/modules/fleet-1/main.tf", "infra/plan.json"], fallback: "plan.json") });

        Assert.Null(ReportSchema.OfficialSarifErrors(sarif));
        Assert.Empty(GitHubCodeScanning.Problems(sarif));
    }

    [Fact]
    public void The_text_report_for_3000_findings_is_one_block_per_finding_that_does_not_share_its_nodes()
    {
        var text = SampleReports.Render("text", Large.Value);

        Assert.StartsWith("kalc-iac: breaks — 3000 findings", text);
        Assert.All(text.Split('\n'), l => Assert.True(l.Length <= 80));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    public void A_report_of_many_chunks_keeps_every_character_where_multibyte_text_crosses_a_chunk(string format)
    {
        // Written a 64 KiB buffer at a time: two-, three- and four-byte characters at every offset land on a boundary.
        var notes = Enumerable.Range(0, 4000).Select(i => $"note {i} — über 🙂 {new string('x', i % 7)}").ToArray();
        var report = Large.Value with { Notes = [.. notes] };

        var written = SampleReports.Render(format, report);

        Assert.True(Encoding.UTF8.GetByteCount(written) > 4 << 16);
        using var parsed = System.Text.Json.JsonDocument.Parse(written);
        var read = format == "json"
            ? parsed.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ToArray()
            : parsed.RootElement.GetProperty("runs")[0].GetProperty("properties").GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ToArray();
        Assert.Equal(notes, read);
    }
}
