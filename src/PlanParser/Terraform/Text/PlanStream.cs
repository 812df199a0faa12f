using System.Text.RegularExpressions;

namespace Kalc.Iac.PlanParser.Terraform.Text;

/// <summary>The lines of one project's output: a terragrunt unit (from its line prefix), an Atlantis
/// project (from its <c>### 1. dir: `x` workspace: `y`</c> heading), or the whole input when unlabelled.
/// Parallel terragrunt units interleave their lines; grouping by label puts each plan back together.</summary>
internal sealed partial record PlanStream(string? Label, IReadOnlyList<PlanLine> Lines)
{
    [GeneratedRegex(@"^#{2,4}\s+\d+\.\s+(?:project:\s*`(?<project>[^`]+)`\s+)?dir:\s*`(?<dir>[^`]+)`\s+workspace:\s*`(?<ws>[^`]+)`")]
    private static partial Regex AtlantisHeading();

    public static IReadOnlyList<PlanStream> Split(IReadOnlyList<string> rawLines)
    {
        var order = new List<string?>();
        var byLabel = new Dictionary<string, List<PlanLine>>(StringComparer.Ordinal);
        string? atlantisProject = null;
        for (var i = 0; i < rawLines.Count; i++)
        {
            var (label, text) = CiLinePrefix.Strip(rawLines[i]);
            var heading = AtlantisHeading().Match(text);
            if (heading.Success)
            {
                var name = heading.Groups["project"].Success ? heading.Groups["project"].Value : heading.Groups["dir"].Value;
                var ws = heading.Groups["ws"].Value;
                atlantisProject = ws == "default" ? name : $"{name}:{ws}";
            }
            var key = label ?? atlantisProject ?? "";
            if (!byLabel.TryGetValue(key, out var list))
            {
                byLabel[key] = list = [];
                order.Add(key);
            }
            list.Add(new PlanLine(i + 1, text));
        }
        return [.. order.Select(k => new PlanStream(k!.Length == 0 ? null : k, byLabel[k!]))];
    }
}
