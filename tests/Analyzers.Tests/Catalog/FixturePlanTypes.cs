using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kalc.Iac.Analyzers.Tests.Catalog;

/// <summary>The managed resource types the plans under fixtures/ mention: every object with "mode": "managed" and a
/// "type" in a plan JSON (resource_changes, prior_state, planned_values ...), the type of every Pulumi URN in a preview,
/// and the address of every "# ADDRESS will be/must be/has been ..." heading of a text plan.</summary>
internal static partial class FixturePlanTypes
{
    public static Dictionary<string, string> Collect(IEnumerable<string> roots)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var ext = Path.GetExtension(file);
                if (ext is not (".json" or ".txt")) continue;
                var text = File.ReadAllText(file, Encoding.UTF8); // detects UTF-16 and UTF-8 BOMs
                if (ext == ".json") FromJson(text, file, found);
                else FromText(text, file, found);
            }
        }
        return found;
    }

    private static void FromJson(string text, string file, Dictionary<string, string> found)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            Walk(doc.RootElement, file, found);
        }
        catch (JsonException)
        {
            return; // malformed-input fixtures
        }
        foreach (Match m in PulumiUrn().Matches(text))
        {
            var type = m.Groups["type"].Value.Split('$')[^1];
            if (!type.StartsWith("pulumi:", StringComparison.Ordinal)) found.TryAdd(type, file);
        }
    }

    private static void Walk(JsonElement e, string file, Dictionary<string, string> found)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            if (e.TryGetProperty("mode", out var mode) && mode.ValueKind == JsonValueKind.String && mode.GetString() == "managed"
                && e.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String)
                found.TryAdd(type.GetString()!, file);
            foreach (var p in e.EnumerateObject()) Walk(p.Value, file, found);
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in e.EnumerateArray()) Walk(x, file, found);
        }
    }

    private static void FromText(string text, string file, Dictionary<string, string> found)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = Ansi().Replace(raw, "");
            var m = TextHeading().Match(line);
            if (m.Success) found.TryAdd(m.Groups["type"].Value, file);
        }
    }

    [GeneratedRegex(@"urn:pulumi:[^""]*?::[^""]*?::(?<type>[a-z0-9-]+:[^"":]*:[A-Za-z0-9]+)::")]
    private static partial Regex PulumiUrn();

    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex Ansi();

    /// <summary>"# module.x.aws_iam_role.node will be updated in-place"; data sources ("# data.x.y will be read") left out.</summary>
    [GeneratedRegex(@"^\s*#\s+(?:module\.[^\s]+?\.)*(?!data\.)(?<type>[a-z][a-z0-9_]*)\.[^\s]+ (?:will|must|has|is)\b")]
    private static partial Regex TextHeading();
}
