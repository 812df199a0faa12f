using System.Text.RegularExpressions;

namespace Kalc.Iac.PlanParser.Terraform.Text;

/// <summary>Removes what CI wrappers put in front of each Terraform line: GitHub Actions timestamps and
/// terragrunt unit prefixes (<c>[unit/path] </c>, <c>unit/path &gt; </c>, <c>HH:MM:SS STDOUT [unit] terraform: </c>).
/// The terragrunt unit becomes the line's project label.</summary>
internal static partial class CiLinePrefix
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z ?")]
    private static partial Regex GitHubTimestamp();

    [GeneratedRegex(@"^(?:\d{2}:\d{2}:\d{2}(?:\.\d+)?\s+)?(?:STDOUT|STDERR)\s+\[(?<label>[^\]]+)\]\s+(?:terraform|tofu):\s?(?<text>.*)$")]
    private static partial Regex TerragruntStructured();

    [GeneratedRegex(@"^\[(?<label>[^\]\s=]+)\](?: (?<text>.*))?$")]
    private static partial Regex TerragruntBracket();

    [GeneratedRegex(@"^(?<label>[\w./-]+/[\w./-]*|[\w.-]+) > (?<text>.*)$")]
    private static partial Regex TerragruntArrow();

    public static (string? Label, string Text) Strip(string line)
    {
        var ts = GitHubTimestamp().Match(line);
        if (ts.Success) line = line[ts.Length..];
        foreach (var regex in (ReadOnlySpan<Regex>)[TerragruntStructured(), TerragruntBracket(), TerragruntArrow()])
        {
            var m = regex.Match(line);
            if (m.Success) return (m.Groups["label"].Value, m.Groups["text"].Value);
        }
        return (null, line);
    }
}
