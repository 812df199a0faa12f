using CsCheck;
using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.Reporting.Tests;

public sealed class TextReporterTests
{
    [Fact]
    public void A_safe_verdict_is_one_line()
    {
        var text = SampleReports.Render("text", SampleReports.Safe());
        Assert.Equal("kalc-iac: safe — 12 changes, none touches what the cluster uses (12 analysed)\n", text);
    }

    [Fact]
    public void Breaking_and_incomplete_reports_fit_80_columns()
    {
        foreach (var report in new[] { SampleReports.Breaks(), SampleReports.Incomplete(), HostileReport.Build() })
        foreach (var verbose in new[] { false, true })
        {
            var lines = SampleReports.Render("text", report, SampleReports.Options with { Verbose = verbose }).Split('\n');
            Assert.All(lines, line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
        }
    }

    [Fact]
    public void Incomplete_names_everything_that_is_missing()
    {
        var text = SampleReports.Render("text", SampleReports.Incomplete());
        Assert.StartsWith("kalc-iac: incomplete", text);
        Assert.Contains("- iam get-account-authorization-details: AccessDenied", text);
        Assert.Contains("- Kubernetes state: no --k8s-state given", text);
    }

    [Fact]
    public void Verbose_lists_findings_worst_first_with_every_section()
    {
        var text = SampleReports.Render("text", SampleReports.Breaks(), SampleReports.Options with { Verbose = true });
        var critical = text.IndexOf("CRITICAL KIAC101", StringComparison.Ordinal);
        var high = text.IndexOf("HIGH KIAC201", StringComparison.Ordinal);
        Assert.InRange(critical, 1, high - 1);
        foreach (var label in new[] { "change ", "source ", "components ", "nodes ", "instances ", "accounts ", "when ", "evidence", "fix " })
            Assert.Contains("  " + label, text);
        Assert.Contains("    7. on-credential-refresh", text);
    }

    [Fact]
    public void Long_node_lists_are_cut_with_a_count_of_the_rest()
    {
        var finding = SampleReports.InstanceProfileDeletion();
        finding = finding with { Impact = finding.Impact with { Nodes = [.. Enumerable.Range(1, 2000).Select(i => $"node-{i}")] } };
        var text = SampleReports.Render("text", SampleReports.Breaks() with { Findings = [finding] }, SampleReports.Options with { Verbose = true });
        Assert.Contains("node-5 and 1995 more", text);
        Assert.DoesNotContain("node-6,", text);
    }

    [Fact]
    public void Colour_is_written_only_when_the_options_ask_for_it()
    {
        var plain = SampleReports.Render("text", SampleReports.Breaks());
        var coloured = SampleReports.Render("text", SampleReports.Breaks(), SampleReports.Options with { Color = true });
        Assert.DoesNotContain('\u001b', plain);
        Assert.Contains("\u001b[1;31mCRITICAL\u001b[0m", coloured);
        Assert.Equal(plain, Kalc.Iac.Core.InputText.StripAnsi(coloured));
    }

    [Fact]
    public void Escape_sequences_and_control_characters_in_model_strings_never_reach_the_terminal()
    {
        foreach (var color in new[] { false, true })
        {
            var text = SampleReports.Render("text", HostileReport.Build(), SampleReports.Options with { Color = color });
            var withoutOurColours = System.Text.RegularExpressions.Regex.Replace(text, "\u001b\\[[0-9;]*m", "");
            Assert.DoesNotContain('\u001b', withoutOurColours);
            Assert.DoesNotContain('\u0007', text);
            Assert.DoesNotContain('\u0008', text);
            Assert.DoesNotContain('\u202E', text);
            Assert.DoesNotContain("[2J", text);
            Assert.Contains("evil", text);
        }
    }

    [Fact]
    public void Wrapped_lines_keep_every_word_and_stay_within_the_width()
    {
        var words = Gen.String[Gen.Char['a', 'z'], 1, 30].Array[0, 40];
        Gen.Select(words, Gen.Int[10, 120]).Sample((ws, width) =>
        {
            var lines = Text.WordWrap.Lines(string.Join(' ', ws), width);
            Assert.All(lines, l => Assert.True(l.Length <= width));
            Assert.Equal(string.Concat(ws), string.Concat(lines).Replace(" ", ""));
        });
    }

    [Fact]
    public void A_word_longer_than_the_line_is_split_rather_than_overflowing()
    {
        var arn = "arn:aws:iam::123456789012:instance-profile/" + new string('x', 60);
        Assert.Equal([arn[..40], arn[40..80], arn[80..]], Text.WordWrap.Lines(arn, 40));
    }

    [Fact]
    public void Clean_turns_line_breaks_into_spaces_and_drops_escapes()
    {
        Assert.Equal("a b c", SafeText.Clean("a\nb\u001b[31m\tc"));
        Assert.Equal("plain", SafeText.Clean("plain"));
        Assert.Equal("", SafeText.Clean(null));
    }

    [Fact]
    public void Every_time_to_impact_is_explained()
    {
        Assert.All(Enum.GetValues<TimeToImpact>(), t => Assert.NotEmpty(TimeToImpactText.Explain(t)));
    }
}
