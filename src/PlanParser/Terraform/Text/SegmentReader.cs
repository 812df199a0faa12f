using Kalc.Iac.Core;

namespace Kalc.Iac.PlanParser.Terraform.Text;

/// <summary>Walks one project's lines and cuts them into plans: each plan runs up to its
/// <c>Plan: ...</c> or <c>No changes.</c> line; everything that is not a resource, a summary or a
/// plan heading (refresh lines, warnings, prompts, CI markdown) is passed over.</summary>
internal static class SegmentReader
{
    // Lines that begin a plan (0.11 to 1.x, Terraform and OpenTofu wording).
    private static readonly string[] PlanStarts =
    [
        "will perform the following actions:",
        "An execution plan has been generated",
        "used the selected providers to generate the following execution",
        "Objects have changed outside of",
        "Resource actions are indicated with the following symbols:",
        "planned the following actions, but then encountered a problem",
    ];

    public static List<PlanSegment> Read(PlanStream stream, string file)
    {
        var segments = new List<PlanSegment> { new() };
        var lines = stream.Lines;
        var i = 0;
        var inDriftSection = false; // between "Objects have changed outside of ..." and the plan proper
        while (i < lines.Count)
        {
            var t = lines[i].Trimmed;
            var current = segments[^1];
            if (t.Length == 0 || t.StartsWith('╷') || t.StartsWith('╵'))
            {
                i++;
                continue;
            }
            if (ResourceHeader.TryParse(t) is { } header)
            {
                current = Open(segments);
                var (change, isDrift, next) = ResourceBlockReader.Read(header, lines, i, file);
                isDrift |= inDriftSection;
                (isDrift ? current.Drift : current.Changes).Add(change);
                if (!isDrift) current.LastResourceLine = lines[i].Number;
                i = next;
                continue;
            }
            if (LegacyResourceReader.IsHeader(t, out var legacy))
            {
                current = Open(segments);
                var (change, next) = LegacyResourceReader.Read(legacy, lines, i, file);
                current.Changes.Add(change);
                current.LegacyFormat = true;
                current.LastResourceLine = lines[i].Number;
                i = next;
                continue;
            }
            inDriftSection = DriftSection(t, inDriftSection);
            if (PlanSummary.TryParse(t) is { } summary)
                Summarise(segments, summary, lines[i].Number, noChanges: false);
            else if (t.StartsWith("No changes.", StringComparison.Ordinal))
                Summarise(segments, PlanSummary.NoChanges, lines[i].Number, noChanges: true);
            else if (PlanStarts.Any(s => t.Contains(s, StringComparison.Ordinal)))
                Open(segments).SawPlanText = true;
            else if (t.StartsWith("Changes to Outputs:", StringComparison.Ordinal))
                current.SawPlanText = true;
            else if (t.StartsWith("This is a refresh-only plan", StringComparison.Ordinal))
            {
                current.SawPlanText = true;
                current.EndsWithoutSummary = true;
            }
            else if (Failure(t) is { } failure)
                current.Failure ??= failure;
            i++;
        }
        return [.. segments.Where(s => !s.IsEmpty)];
    }

    /// <summary>The segment new content belongs to: the current one, or a new one when the current is summarised.</summary>
    private static PlanSegment Open(List<PlanSegment> segments)
    {
        if (segments[^1].Closed) segments.Add(new PlanSegment());
        return segments[^1];
    }

    private static void Summarise(List<PlanSegment> segments, PlanSummary summary, int line, bool noChanges)
    {
        var current = segments[^1];
        // Atlantis repeats a project's summary line under its collapsed output: the same line again is no new plan.
        if (current.Closed && current.Summary == summary && current.NoChangesLine == noChanges) return;
        current = Open(segments);
        current.Summary = summary;
        current.SummaryLine = line;
        current.NoChangesLine = noChanges;
        current.SawPlanText = true;
    }

    private static bool DriftSection(string t, bool inside)
    {
        if (t.Contains("Objects have changed outside of", StringComparison.Ordinal)) return true;
        if (!inside) return false;
        return !(t.Contains("will perform the following actions", StringComparison.Ordinal) ||
            t.StartsWith("Unless you have made equivalent changes", StringComparison.Ordinal) ||
            t.StartsWith("This is a refresh-only plan", StringComparison.Ordinal) ||
            t.StartsWith("Plan:", StringComparison.Ordinal) || t.StartsWith("No changes.", StringComparison.Ordinal) ||
            t.StartsWith("Terraform used the selected providers", StringComparison.Ordinal) ||
            t.StartsWith("OpenTofu used the selected providers", StringComparison.Ordinal));
    }

    private static string? Failure(string t)
    {
        var text = t.TrimStart('│', ' ');
        if (text.StartsWith("Error: ", StringComparison.Ordinal)) return text["Error: ".Length..].Trim();
        if (t.StartsWith("Planning failed.", StringComparison.Ordinal)) return "planning failed";
        return null;
    }

    public static InputError? Check(PlanSegment segment, string file)
    {
        if (segment.Summary is { } summary)
        {
            var disagreement = summary.Disagreement(segment.Counted(), segment.NoChangesLine);
            return disagreement is null ? null : new InputError(file, disagreement, segment.SummaryLine);
        }
        if (segment.Failure is { } failure)
            return new InputError(file, $"the plan failed and has no summary: {failure}", segment.LastResourceLine == 0 ? null : segment.LastResourceLine);
        if (segment.Changes.Count > 0 && !segment.EndsWithoutSummary)
            return new InputError(file, $"truncated plan: no \"Plan: ...\" summary after the resource at line {segment.LastResourceLine}", segment.LastResourceLine);
        return null;
    }
}
