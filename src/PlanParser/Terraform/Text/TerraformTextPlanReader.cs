using System.Collections.Immutable;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Text;

/// <summary>Reads what <c>terraform plan</c>, <c>apply</c> and <c>show</c> print (0.11 to 1.x, OpenTofu),
/// with or without colour and CI wrapper noise, into a <see cref="Change"/>. Several plans in one input
/// (terragrunt run-all, Atlantis multi-project comments) become one Change whose addresses carry a
/// <c>[project] </c> prefix.</summary>
public static class TerraformTextPlanReader
{
    /// <summary>Reads bytes as saved by a shell or CI (UTF-8, UTF-16/32 with BOM).</summary>
    public static ParseResult<Change> Read(ReadOnlySpan<byte> bytes, string file)
    {
        string text;
        try
        {
            text = InputText.Decode(bytes, file);
        }
        catch (InputException e)
        {
            return ParseResult<Change>.Fail(e.Error);
        }
        return Read(text, file);
    }

    public static ParseResult<Change> Read(string text, string file) =>
        ParseResult<Change>.Catch(file, () => Parse(text, file));

    private static Change Parse(string text, string file)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var lines = InputText.SplitLines(InputText.StripAnsi(text));
        var plans = new List<(string? Label, PlanSegment Segment)>();
        foreach (var stream in PlanStream.Split(lines))
        {
            foreach (var segment in SegmentReader.Read(stream, file))
                plans.Add((stream.Label, segment));
        }
        if (plans.Count == 0)
            throw new InputException(new InputError(file, "no Terraform plan found (expected resource changes, a \"Plan: ...\" line or \"No changes.\")"));
        foreach (var (_, segment) in plans)
        {
            if (SegmentReader.Check(segment, file) is { } error) throw new InputException(error);
        }

        var changes = ImmutableArray.CreateBuilder<ResourceChange>();
        var drift = ImmutableArray.CreateBuilder<ResourceChange>();
        var labels = ProjectLabels.For(plans.Select(p => p.Label).ToList());
        for (var n = 0; n < plans.Count; n++)
        {
            var (_, segment) = plans[n];
            changes.AddRange(segment.Changes.Select(c => ProjectLabels.Prefix(c, labels[n])));
            drift.AddRange(segment.Drift.Select(c => ProjectLabels.Prefix(c, labels[n])));
        }
        var limitations = new List<string>(TextPlanLimitations.All);
        if (plans.Any(p => p.Segment.LegacyFormat)) limitations.Add(TextPlanLimitations.Legacy);
        if (plans.Count > 1) limitations.Add(TextPlanLimitations.MultiplePlans);
        return new Change
        {
            Kind = InputKind.TerraformText,
            File = file,
            ResourceChanges = changes.ToImmutable(),
            Drift = drift.ToImmutable(),
            Limitations = [.. limitations],
        };
    }
}
