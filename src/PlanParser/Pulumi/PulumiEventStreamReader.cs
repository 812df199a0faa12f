using System.Buffers;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Json;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Pulumi;

/// <summary>Reads Pulumi's engine events, one JSON object per line (<c>apitype.EngineEvent</c>,
/// https://github.com/pulumi/pulumi/blob/master/sdk/go/common/apitype/events.go): what <c>pulumi up --json</c> and,
/// with <c>PULUMI_ENABLE_STREAMING_JSON_PREVIEW=true</c>, <c>pulumi preview --json</c> stream to stdout, and what
/// <c>--event-log FILE</c> writes (pkg/backend/display/json.go <c>ShowJSONEvents</c>, display.go). Each
/// <c>resourcePreEvent</c> is one step (<c>metadata</c>: <c>op</c>, <c>urn</c>, <c>old</c>, <c>new</c>, <c>keys</c>,
/// <c>diffs</c>, <c>detailedDiff</c>), the same step a preview digest lists; the steps, <c>summaryEvent</c>'s
/// <c>resourceChanges</c> and error <c>diagnosticEvent</c>s are handed to <see cref="PulumiPreviewReader"/>, so both
/// outputs give the same change.</summary>
public static class PulumiEventStreamReader
{
    public static ParseResult<Change> Read(ReadOnlyMemory<byte> bytes, string file) =>
        ParseResult<Change>.Catch(file, () => ReadEvents(bytes, file));

    private static Change ReadEvents(ReadOnlyMemory<byte> input, string file)
    {
        var payload = JsonPayload.Locate(input, file);
        var buffer = new ArrayBufferWriter<byte>();
        var sawEvent = false;
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("steps");
            JsonElement? summary = null;
            var diagnostics = new List<JsonElement>();
            var docs = new List<JsonDocument>();
            try
            {
                var line = payload.SkippedLines;
                foreach (var raw in Lines(payload.Utf8))
                {
                    line++;
                    var text = Trim(raw.Span);
                    if (text.IsEmpty) continue;
                    JsonDocument doc;
                    try
                    {
                        doc = JsonDocument.Parse(raw, JsonLimits.DocumentOptions);
                    }
                    catch (JsonException e)
                    {
                        throw new InputException(new InputError(file, "not valid JSON: " + JsonTextErrors.Describe(e), line));
                    }
                    docs.Add(doc);
                    var e0 = doc.RootElement;
                    if (e0.ValueKind != JsonValueKind.Object)
                        throw new InputException(new InputError(file, "an engine event is a JSON object", line));
                    if (!e0.TryGetProperty("sequence", out _) && !e0.TryGetProperty("timestamp", out _))
                        throw new InputException(new InputError(file, "not a Pulumi engine event (no sequence or timestamp)", line));
                    sawEvent = true;
                    if (Get(e0, "resourcePreEvent") is { ValueKind: JsonValueKind.Object } pre && Get(pre, "metadata") is { ValueKind: JsonValueKind.Object } m)
                        WriteStep(w, m);
                    else if (Get(e0, "summaryEvent") is { ValueKind: JsonValueKind.Object } s && Get(s, "resourceChanges") is { ValueKind: JsonValueKind.Object } changes)
                        summary = changes;
                    else if (Get(e0, "diagnosticEvent") is { ValueKind: JsonValueKind.Object } d)
                        diagnostics.Add(d);
                }
                w.WriteEndArray();
                if (summary is { } sum)
                {
                    w.WritePropertyName("changeSummary");
                    sum.WriteTo(w);
                }
                w.WriteStartArray("diagnostics");
                foreach (var d in diagnostics)
                {
                    w.WriteStartObject();
                    if (Get(d, "severity") is { ValueKind: JsonValueKind.String } sev) w.WriteString("severity", sev.GetString());
                    if (Get(d, "message") is { ValueKind: JsonValueKind.String } msg) w.WriteString("message", msg.GetString());
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            finally
            {
                foreach (var d in docs) d.Dispose();
            }
        }
        if (!sawEvent) throw new InputException(new InputError(file, "empty input: no Pulumi engine events"));
        return PulumiPreviewReader.Read(buffer.WrittenMemory, file).Unwrap();
    }

    /// <summary>A step in the preview digest's shape (<c>display.PreviewStep</c>): the event metadata's state objects have
    /// the fields of <c>apitype.ResourceV3</c> that the reader uses (urn, type, custom, id, inputs, outputs).</summary>
    private static void WriteStep(Utf8JsonWriter w, JsonElement m)
    {
        w.WriteStartObject();
        foreach (var (from, to) in StepFields)
        {
            if (Get(m, from) is { ValueKind: not JsonValueKind.Undefined and not JsonValueKind.Null } v)
            {
                w.WritePropertyName(to);
                v.WriteTo(w);
            }
        }
        w.WriteEndObject();
    }

    private static readonly (string From, string To)[] StepFields =
    [
        ("op", "op"), ("urn", "urn"), ("provider", "provider"), ("old", "oldState"), ("new", "newState"),
        ("diffs", "diffReasons"), ("keys", "replaceReasons"), ("detailedDiff", "detailedDiff"),
    ];

    private static IEnumerable<ReadOnlyMemory<byte>> Lines(ReadOnlyMemory<byte> utf8)
    {
        var start = 0;
        while (start < utf8.Length)
        {
            var nl = utf8.Span[start..].IndexOf((byte)'\n');
            var end = nl < 0 ? utf8.Length : start + nl;
            yield return utf8[start..end];
            start = end + 1;
        }
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s) => s.Trim(" \t\r"u8);

    private static JsonElement Get(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) ? v : default;
}
