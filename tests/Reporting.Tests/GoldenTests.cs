namespace Kalc.Iac.Reporting.Tests;

public sealed class GoldenTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, _) in SampleReports.All())
            foreach (var format in Reporters.Formats)
                data.Add(name, format);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Report_matches_its_reviewed_golden_file(string sample, string format)
    {
        var report = SampleReports.All().Single(s => s.Name == sample).Report;
        var extension = format switch { "text" => "txt", "markdown" => "md", _ => format };
        Golden.Verify($"{sample}.{extension}", SampleReports.Render(format, report));
    }

    [Fact]
    public void Golden_diff_shows_the_changed_line_with_context()
    {
        var diff = Golden.Diff("a\nb\nc\nd\n", "a\nb\nX\nd\n");
        Assert.Contains("- c", diff);
        Assert.Contains("+ X", diff);
        Assert.Contains("  b", diff);
    }
}
