using System.Text;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Json;

namespace Kalc.Iac.PlanParser.Detection;

/// <summary>Tells which reader an input needs from its bytes: the zip magic of a saved plan, the top-level
/// keys of a JSON document (after a BOM and leading noise lines), or text.</summary>
public static class PlanFormatDetector
{
    /// <summary>Message for a state given where a plan was expected.</summary>
    public const string StateNotPlan = "this is Terraform state, not a plan; run terraform show -json PLANFILE";

    private static readonly byte[] ZipMagic = [(byte)'P', (byte)'K', 3, 4];

    public static PlanFormat Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(ZipMagic)) return PlanFormat.BinaryPlan;
        var (encoding, bom) = InputText.DetectEncoding(bytes);
        var utf8 = bom == 0 || encoding is UTF8Encoding ? bytes[bom..] : Transcode(bytes, encoding, bom);
        if (utf8.Trim(" \t\r\n"u8).IsEmpty) return PlanFormat.Empty;
        if (bom == 0 && InputText.LooksBinary(utf8)) return PlanFormat.Binary;
        if (!System.Text.Unicode.Utf8.IsValid(InputText.WholeCharacters(utf8, 64 * 1024)) && !LooksLikeTextWithStrayBytes(utf8))
            return PlanFormat.Binary;
        var start = JsonPayload.StartOfJson(utf8);
        if (start < 0) return PlanFormat.TerraformText;
        var json = utf8[start..];
        if (json[0] != (byte)'{') return LooksLikeJsonArray(json) && start == 0 ? PlanFormat.UnknownJson : PlanFormat.TerraformText;
        var kind = ClassifyObject(json);
        // Text before a brace that opens no plan: a text plan with a jsonencode( { ... } ) block, not JSON after noise.
        return kind == PlanFormat.UnknownJson && start > 0 && LooksLikeTextPlan(utf8[..start])
            ? PlanFormat.TerraformText
            : kind;
    }

    /// <summary>Looks at the top-level keys until one decides; a plan-only key, a Pulumi key or a state's
    /// "values" ends the scan early, so a large plan costs only its first few keys.</summary>
    private static PlanFormat ClassifyObject(ReadOnlySpan<byte> json)
    {
        var sawFormatVersion = false;
        var sawSequence = false;
        try
        {
            var reader = new Utf8JsonReader(json, JsonLimits.ReaderOptions);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("resource_changes"u8) || reader.ValueTextEquals("planned_values"u8) ||
                    reader.ValueTextEquals("resource_drift"u8) || reader.ValueTextEquals("output_changes"u8) ||
                    reader.ValueTextEquals("prior_state"u8))
                    return PlanFormat.TerraformJson;
                if (reader.ValueTextEquals("steps"u8) || reader.ValueTextEquals("changeSummary"u8))
                    return PlanFormat.PulumiPreview;
                if (reader.ValueTextEquals("values"u8))
                    return PlanFormat.TerraformState;
                sawFormatVersion |= reader.ValueTextEquals("format_version"u8);
                // An engine event: {"sequence": N, "timestamp": T, "<kind>Event": {...}} (apitype.EngineEvent).
                sawSequence |= reader.ValueTextEquals("sequence"u8);
                if (sawSequence && reader.ValueSpan.EndsWith("Event"u8)) return PlanFormat.PulumiEvents;
                reader.Read();
                reader.Skip();
            }
            return sawFormatVersion ? PlanFormat.TerraformState : PlanFormat.UnknownJson;
        }
        catch (Exception e) when (e is JsonException || JsonTextErrors.IsInvalidString(e))
        {
            // Broken JSON (or a key with a lone "\uD800", which comparing its name unescapes): route it to the reader
            // it was meant for, which reports where it breaks.
            if (sawFormatVersion || json.IndexOf("\"resource_changes\""u8) >= 0 || json.IndexOf("\"format_version\""u8) >= 0)
                return PlanFormat.TerraformJson;
            if (json.IndexOf("\"steps\""u8) >= 0 || json.IndexOf("\"changeSummary\""u8) >= 0)
                return PlanFormat.PulumiPreview;
            return PlanFormat.UnknownJson;
        }
    }

    /// <summary>Lines every human-readable plan prints before its first resource block.</summary>
    private static bool LooksLikeTextPlan(ReadOnlySpan<byte> prefix) =>
        prefix.IndexOf("will perform the following actions"u8) >= 0 || prefix.IndexOf("Resource actions are indicated"u8) >= 0 ||
        prefix.IndexOf(" will be "u8) >= 0 || prefix.IndexOf(" must be replaced"u8) >= 0 || prefix.IndexOf("resource \""u8) >= 0;

    private static bool LooksLikeJsonArray(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, JsonLimits.ReaderOptions);
        try
        {
            reader.Read();
            reader.Skip();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Text plans are UTF-8; a file that is mostly printable but has a stray invalid byte is still text
    /// (the text reader then reports the bad byte), while random bytes are binary.</summary>
    private static bool LooksLikeTextWithStrayBytes(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 8192)];
        var printable = 0;
        foreach (var b in head)
            if (b is >= 0x20 and < 0x7f or (byte)'\n' or (byte)'\r' or (byte)'\t' or 0x1b) printable++;
        return printable * 100 >= head.Length * 95;
    }

    /// <summary>UTF-16/32 input (PowerShell's redirect) is transcoded for detection only, leniently and only its
    /// first 4 MiB: a cut document is still recognised by its keys.</summary>
    private static byte[] Transcode(ReadOnlySpan<byte> bytes, Encoding strict, int bom)
    {
        Encoding lenient = strict is UTF32Encoding
            ? new UTF32Encoding(bytes[0] == 0, false, false)
            : new UnicodeEncoding(bytes[0] == 0xFE, false, false);
        var body = bytes[bom..];
        return Encoding.UTF8.GetBytes(lenient.GetString(body[..Math.Min(body.Length, 4 * 1024 * 1024)]));
    }
}
