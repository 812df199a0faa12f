using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Model;

/// <summary>Writes and reads a <see cref="PlanValue"/> as plain JSON (numbers keep their text).</summary>
public static class PlanValueJson
{
    public static void Write(Utf8JsonWriter w, PlanValue v)
    {
        switch (v)
        {
            case PlanString s: w.WriteStringValue(s.Value); break;
            case PlanNumber n: w.WriteRawValue(n.Text); break;
            case PlanBool b: w.WriteBooleanValue(b.Value); break;
            case PlanList l:
                w.WriteStartArray();
                foreach (var i in l.Items) Write(w, i);
                w.WriteEndArray();
                break;
            case PlanObject o:
                w.WriteStartObject();
                foreach (var (k, pv) in o.Properties)
                {
                    w.WritePropertyName(k);
                    Write(w, pv);
                }
                w.WriteEndObject();
                break;
            default: w.WriteNullValue(); break;
        }
    }

    public static PlanValue Read(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => new PlanString(e.GetString()!),
        JsonValueKind.Number => new PlanNumber(e.GetRawText()),
        JsonValueKind.True => new PlanBool(true),
        JsonValueKind.False => new PlanBool(false),
        JsonValueKind.Array => new PlanList([.. e.EnumerateArray().Select(Read)]),
        JsonValueKind.Object => new PlanObject(PlanPropertyDictionary.From(e.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, Read(p.Value))))),
        _ => PlanValue.Null,
    };
}
