using Kalc.Iac.PlanParser.Model;
using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Kubespray.Model;

namespace Kalc.Iac.PlanParser.Kubespray.Defaults;

/// <summary>The role defaults bundled with kalc-iac (embedded <c>kubespray-defaults-RELEASE.json</c>, generated from
/// kubespray's own defaults files; see docs/kubespray.md), and their JSON format.</summary>
public static class BundledDefaults
{
    private const string Prefix = "Kalc.Iac.PlanParser.Kubespray.Defaults.kubespray-defaults-";

    /// <summary>The bundled releases, oldest first ("v2.15.0", "v2.26.0", "master").</summary>
    public static ImmutableArray<string> Releases { get; } = [.. typeof(BundledDefaults).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".json".Length])
        .OrderBy(r => ReleaseOrder.Key(r))];

    /// <summary>The bundled release for a requested one: exact, else the newest bundled not newer than it, else the oldest.</summary>
    public static string Pick(string? requested)
    {
        if (requested is null) return Releases[^1];
        var want = requested.StartsWith('v') || requested == "master" ? requested : "v" + requested;
        if (Releases.Contains(want)) return want;
        var key = ReleaseOrder.Key(want);
        var older = Releases.Where(r => ReleaseOrder.Key(r).CompareTo(key) <= 0).ToList();
        return older.Count > 0 ? older[^1] : Releases[0];
    }

    public static KubesprayDefaults Load(string release)
    {
        using var stream = typeof(BundledDefaults).Assembly.GetManifestResourceStream(Prefix + release + ".json")
            ?? throw new InputException(new InputError("--kubespray-version", $"no bundled defaults for kubespray {release} (bundled: {string.Join(", ", Releases)})"));
        using var doc = JsonDocument.Parse(stream, JsonLimits.DocumentOptions);
        return Parse(doc.RootElement, $"bundled kubespray-defaults-{release}.json");
    }

    public static KubesprayDefaults Parse(JsonElement root, string origin)
    {
        var vars = ImmutableDictionary.CreateBuilder<string, VariableAssignment>();
        foreach (var v in root.GetProperty("variables").EnumerateArray())
        {
            var name = v.GetProperty("name").GetString()!;
            var kind = v.GetProperty("kind").GetString() == "role-vars" ? VariableSourceKind.RoleVars : VariableSourceKind.RoleDefault;
            vars[name] = new VariableAssignment(name, PlanValueJson.Read(v.GetProperty("value")),
                new VariableSource(kind, v.GetProperty("file").GetString()!, v.GetProperty("line").GetInt32()));
        }
        return new KubesprayDefaults
        {
            Release = root.GetProperty("release").GetString()!,
            Origin = origin,
            Variables = vars.ToImmutable(),
            SampleInventoryVariables = [.. root.GetProperty("sampleInventoryVariables").EnumerateArray().Select(e => e.GetString()!)],
        };
    }

    /// <summary>Writes the data file for a release (what the generator in tests/PlanParser.Tests does).</summary>
    public static void Write(Stream to, KubesprayDefaults defaults, string sourceLink)
    {
        using var w = new Utf8JsonWriter(to, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("release", defaults.Release);
        w.WriteString("source", sourceLink);
        w.WriteString("generator", "tests/PlanParser.Tests/Kubespray/BundledDefaultsGenerator.cs (KALC_UPDATE_KUBESPRAY_DEFAULTS=1)");
        w.WriteStartArray("variables");
        foreach (var a in defaults.Variables.Values.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("name", a.Name);
            w.WriteString("kind", a.Source.Kind == VariableSourceKind.RoleVars ? "role-vars" : "role-default");
            w.WriteString("file", a.Source.File);
            w.WriteNumber("line", a.Source.Line ?? 0);
            w.WritePropertyName("value");
            PlanValueJson.Write(w, a.Value);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("sampleInventoryVariables");
        foreach (var n in defaults.SampleInventoryVariables.Order(StringComparer.Ordinal)) w.WriteStringValue(n);
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
