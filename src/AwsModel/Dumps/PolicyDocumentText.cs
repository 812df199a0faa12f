using System.Text.Json;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary>An IAM policy document as JSON text. aws-cli prints documents as JSON objects (it URL-decodes
/// them); the raw IAM API returns them as URL-encoded strings. Both are accepted.</summary>
internal static class PolicyDocumentText
{
    /// <summary>Returns the document's JSON text (one copy per distinct text), or null (with a note in <paramref name="missing"/>) when the
    /// value is neither a JSON object nor a URL-encoded JSON object.</summary>
    public static string? Read(JsonElement? value, PolicyPlace what, ICollection<string> missing)
    {
        if (value is not { } v) return null;
        if (v.ValueKind == JsonValueKind.Object) return JsonStrings.RawText(v);
        if (v.ValueKind == JsonValueKind.String)
        {
            var s = v.GetString() ?? "";
            var text = s.TrimStart().StartsWith('{') ? s : Uri.UnescapeDataString(s);
            if (IsJsonObject(text)) return JsonStrings.Intern(text);
        }
        missing.Add($"{what} is not a JSON policy document (neither a JSON object nor a URL-encoded one); it was not read");
        return null;
    }

    /// <summary>Which document a note names ("trust policy of role R in FILE"), put into words only when there is a note to
    /// write: a large account dump has thousands of roles and policies, nearly all of them well formed.</summary>
    public readonly record struct PolicyPlace(string Kind, string Name, string File, string? Role = null)
    {
        public override string ToString() => Role is null ? $"{Kind} {Name} in {File}" : $"{Kind} {Name} of role {Role} in {File}";
    }

    private static bool IsJsonObject(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text, JsonLimits.DocumentOptions);
            return doc.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
