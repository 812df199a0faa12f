using System.Text.Json;
using Kalc.Iac.Core;

namespace Kalc.Iac.PlanParser.Terraform.Source;

/// <summary><c>.terraform/modules/modules.json</c>, written by <c>terraform init</c> (and OpenTofu): for each module call
/// path (<c>"a.b"</c>) its source, version and the directory its code was installed in, relative to the root module.
/// Format: hashicorp/terraform internal/initwd/module_install.go (modsdir.Manifest: <c>{"Modules": [{"Key", "Source",
/// "Version", "Dir"}]}</c>).</summary>
public sealed record ModuleManifest(IReadOnlyDictionary<string, ModuleManifest.Entry> Entries)
{
    public sealed record Entry(string Key, string Source, string? Version, string Dir);

    public static readonly ModuleManifest Empty = new(new Dictionary<string, Entry>());

    /// <summary>Reads the manifest under <paramref name="rootDir"/>; an absent manifest is empty, a damaged one an error.</summary>
    public static ParseResult<ModuleManifest> Read(string rootDir, string shownPath)
    {
        var path = Path.Combine(rootDir, ".terraform", "modules", "modules.json");
        if (!File.Exists(path)) return ParseResult<ModuleManifest>.Ok(Empty);
        return ParseResult<ModuleManifest>.Catch(shownPath, () =>
        {
            using var doc = JsonDocument.Parse(InputText.Decode(File.ReadAllBytes(path), shownPath));
            var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("Modules", out var modules) || modules.ValueKind != JsonValueKind.Array)
                throw new InputException(new InputError(shownPath, "not a Terraform module manifest: no \"Modules\" array"));
            foreach (var m in modules.EnumerateArray())
            {
                if (m.ValueKind != JsonValueKind.Object) continue;
                var key = Text(m, "Key");
                var dir = Text(m, "Dir");
                if (key is null || dir is null) continue;
                entries[key] = new Entry(key, Text(m, "Source") ?? "", Text(m, "Version"), dir);
            }
            return new ModuleManifest(entries);
        });
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
