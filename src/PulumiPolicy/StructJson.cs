using System.Buffers;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;

namespace Kalc.Iac.PulumiPolicy;

/// <summary>Protobuf <c>Struct</c> values as JSON, the way the engine marshals resource properties for analyzers
/// (<c>MarshalProperties</c> with <c>KeepUnknowns</c> and <c>KeepSecrets</c>, pkg/resource/plugin/analyzer_plugin.go):
/// unknowns are the sentinel string and secrets an object with the secret signature. A secret's value is dropped
/// here, so it is never held: only the signature is kept, which the preview reader turns into a sensitive value.</summary>
internal static class StructJson
{
    private const string SignatureKey = PlanParser.Pulumi.PulumiSignatures.SecretKey;
    private const string SecretSignature = PlanParser.Pulumi.PulumiSignatures.SecretValue;

    /// <summary>A state object in the shape of <c>apitype.ResourceV3</c>: <c>urn</c>, <c>type</c>, <c>custom</c>,
    /// <c>parent</c> and the properties as <c>outputs</c> (AnalyzeStack) or <c>inputs</c> (Analyze).</summary>
    public static JsonElement State(string urn, string type, string? parent, Struct? properties, string bag)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("urn", urn);
            w.WriteString("type", type);
            w.WriteBoolean("custom", !type.StartsWith("pulumi:pulumi:", StringComparison.Ordinal));
            if (!string.IsNullOrEmpty(parent)) w.WriteString("parent", parent);
            w.WritePropertyName(bag);
            WriteStruct(w, properties);
            w.WriteEndObject();
        }
        using var doc = JsonDocument.Parse(buffer.WrittenMemory);
        return doc.RootElement.Clone();
    }

    private static void WriteStruct(Utf8JsonWriter w, Struct? s)
    {
        w.WriteStartObject();
        if (s is not null)
        {
            if (IsSecret(s))
            {
                w.WriteString(SignatureKey, SecretSignature);
            }
            else
            {
                foreach (var (key, value) in s.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
                {
                    w.WritePropertyName(key);
                    WriteValue(w, value);
                }
            }
        }
        w.WriteEndObject();
    }

    private static bool IsSecret(Struct s) =>
        s.Fields.TryGetValue(SignatureKey, out var sig) && sig.KindCase == Value.KindOneofCase.StringValue && sig.StringValue == SecretSignature;

    private static void WriteValue(Utf8JsonWriter w, Value? v)
    {
        switch (v?.KindCase)
        {
            case Value.KindOneofCase.StructValue: WriteStruct(w, v.StructValue); break;
            case Value.KindOneofCase.ListValue:
                w.WriteStartArray();
                foreach (var item in v.ListValue.Values) WriteValue(w, item);
                w.WriteEndArray();
                break;
            case Value.KindOneofCase.StringValue: w.WriteStringValue(v.StringValue); break;
            case Value.KindOneofCase.BoolValue: w.WriteBooleanValue(v.BoolValue); break;
            case Value.KindOneofCase.NumberValue when double.IsFinite(v.NumberValue): w.WriteNumberValue(v.NumberValue); break;
            default: w.WriteNullValue(); break;
        }
    }
}
