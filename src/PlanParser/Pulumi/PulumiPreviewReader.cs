using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Json;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Pulumi;

/// <summary>Reads <c>pulumi preview --json</c> output (the engine's preview digest: <c>steps</c>,
/// <c>changeSummary</c>, <c>diagnostics</c>; https://www.pulumi.com/docs/iac/cli/commands/pulumi_preview/) into a
/// <see cref="Change"/>. AWS type tokens and their top-level property names are translated to Terraform's
/// (see <see cref="PulumiTypeMap"/>), so the analyzers see one vocabulary.</summary>
public static class PulumiPreviewReader
{
    public static ParseResult<Change> Read(ReadOnlyMemory<byte> bytes, string file) =>
        ParseResult<Change>.Catch(file, () => ReadPreview(bytes, file, PulumiTypeMap.Default));

    public static ParseResult<Change> Read(ReadOnlyMemory<byte> bytes, string file, PulumiTypeMap types) =>
        ParseResult<Change>.Catch(file, () => ReadPreview(bytes, file, types));

    private static Change ReadPreview(ReadOnlyMemory<byte> input, string file, PulumiTypeMap types)
    {
        var payload = JsonPayload.Locate(input, file);
        using var window = new JsonWindow(payload.Utf8, file, payload.SkippedLines + 1);
        var reader = JsonTopLevel.OpenObject(window, file, "pulumi preview --json output");

        var steps = new PulumiStepReader(file, types, new PlanValueFactory());
        var summary = new Dictionary<string, int>(StringComparer.Ordinal);
        var limitations = ImmutableArray.CreateBuilder<string>();
        var sawSteps = false;
        var sawSummary = false;
        var sawTerraformKey = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("steps"u8))
            {
                sawSteps = true;
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null) continue;
                if (reader.TokenType != JsonTokenType.StartArray)
                    throw new InputException(new InputError(file, "steps is not an array", window.LineAt(reader.TokenStartIndex)));
                var index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var source = new SourceRef(file, window.LineAt(reader.TokenStartIndex), string.Create(CultureInfo.InvariantCulture, $"steps[{index}]"));
                    using var step = JsonDocument.ParseValue(ref reader);
                    steps.Add(step.RootElement, source);
                    index++;
                }
            }
            else if (reader.ValueTextEquals("changeSummary"u8))
            {
                sawSummary = true;
                reader.Read();
                using var doc = JsonDocument.ParseValue(ref reader);
                ReadSummary(doc.RootElement, summary);
            }
            else if (reader.ValueTextEquals("diagnostics"u8))
            {
                reader.Read();
                using var doc = JsonDocument.ParseValue(ref reader);
                ReadDiagnostics(doc.RootElement, limitations);
            }
            else
            {
                sawTerraformKey |= reader.ValueTextEquals("format_version"u8) || reader.ValueTextEquals("resource_changes"u8);
                reader.Read();
                reader.Skip();
            }
        }
        JsonTopLevel.EnsureEnd(ref reader, window, file);
        if (!sawSteps && !sawSummary)
            throw new InputException(new InputError(file, sawTerraformKey
                ? "this is a Terraform JSON plan, not a Pulumi preview"
                : "not a pulumi preview --json output: no steps or changeSummary"));

        var changes = steps.Finish();
        CompareWithSummary(changes.LogicalOps, summary, sawSummary, limitations);
        limitations.AddRange(changes.Notes);
        return new Change
        {
            Kind = InputKind.PulumiPreview,
            File = file,
            ResourceChanges = changes.Changes,
            Limitations = limitations.DrainToImmutable(),
        };
    }

    private static void ReadSummary(JsonElement summary, Dictionary<string, int> into)
    {
        if (summary.ValueKind != JsonValueKind.Object) return;
        foreach (var p in summary.EnumerateObject())
            if (p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt32(out var n))
                into[p.Name] = n;
    }

    private static void ReadDiagnostics(JsonElement diagnostics, ImmutableArray<string>.Builder into)
    {
        if (diagnostics.ValueKind != JsonValueKind.Array) return;
        foreach (var d in diagnostics.EnumerateArray())
        {
            if (d.ValueKind != JsonValueKind.Object || !d.TryGetProperty("severity", out var severity) || !severity.ValueEquals("error"))
                continue;
            var message = d.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
            var firstLine = InputText.StripAnsi(message).Trim().Split('\n')[0].Trim();
            if (firstLine.Length > 200) firstLine = firstLine[..200] + "...";
            into.Add($"pulumi reported an error, so the preview may be incomplete: {firstLine}");
        }
    }

    /// <summary>Every change must be accounted for: a count that differs from Pulumi's own summary is reported.</summary>
    private static void CompareWithSummary(IReadOnlyDictionary<string, int> counted, Dictionary<string, int> summary, bool sawSummary, ImmutableArray<string>.Builder into)
    {
        if (!sawSummary) return;
        foreach (var (op, expected) in summary.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var actual = counted.GetValueOrDefault(op);
            if (actual != expected)
                into.Add(string.Create(CultureInfo.InvariantCulture, $"changeSummary counts {expected} {op} but the steps list {actual}: some steps may be missing from the output"));
        }
    }
}
