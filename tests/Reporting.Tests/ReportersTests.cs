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
}
