namespace Kalc.Iac.Reporting.Tests;

public sealed class ReportersTests
{
    [Fact]
    public void Every_listed_format_has_a_reporter_that_answers_to_its_name()
    {
        foreach (var format in Reporters.Formats)
            Assert.Equal(format, Reporters.For(format).Format);
        Assert.Equal("markdown", Reporters.For("MD").Format);
    }

    [Fact]
    public void An_unknown_format_is_refused_with_the_list_of_known_ones()
    {
        Assert.False(Reporters.TryFor("yaml", out _));
        var error = Assert.Throws<ArgumentException>(() => Reporters.For("yaml"));
        Assert.Contains("text, json, sarif, markdown", error.Message);
    }

    [Fact]
    public void Every_reporter_accepts_default_arrays_from_a_careless_producer()
    {
        var finding = SampleReports.InstanceProfileDeletion() with { Evidence = default };
        var report = SampleReports.Breaks() with { Missing = default, Notes = default, Rules = default, Findings = [finding] };
        foreach (var format in Reporters.Formats)
            Assert.Contains("KIAC101", SampleReports.Render(format, report));
        var safe = SampleReports.Safe() with { Missing = default, Notes = default, Rules = default, Findings = default };
        foreach (var format in Reporters.Formats)
            Assert.Contains("safe", SampleReports.Render(format, safe));
    }
}
