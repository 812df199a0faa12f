using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Text;

/// <summary>Rebuilds the string a <c>jsonencode(...)</c> block stands for: compact JSON with sorted keys, as
/// Terraform's jsonencode writes it. Unknown when any part is unknown or hidden; sensitive when any part is.</summary>
internal static class JsonEncodeValue
{
    public static PlanValue? Of(PlanValue? value, bool partial)
    {
        if (value is null) return null;
        if (partial || Contains<PlanUnknown>(value)) return PlanValue.Unknown;
        if (Contains<PlanSensitive>(value)) return PlanValue.Sensitive;
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            PlanValueJson.Write(writer, value);
        return new PlanString(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>One-line form, <c>jsonencode("x")</c> or <c>jsonencode([])</c>.</summary>
    public static PlanValue FromInline(string inner) => Of(ScalarText.Parse(inner), false) ?? PlanValue.Unknown;

    private static bool Contains<T>(PlanValue v) where T : PlanValue => v switch
    {
        T => true,
        PlanList l => l.Items.Any(Contains<T>),
        PlanObject o => o.Properties.Values.Any(Contains<T>),
        _ => false,
    };

}
