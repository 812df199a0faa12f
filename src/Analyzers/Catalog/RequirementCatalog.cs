using System.Collections.Immutable;
using System.Text.Json;

namespace Kalc.Iac.Analyzers.Catalog;

/// <summary>The requirement catalog: which AWS actions each component calls. Loaded from the embedded requirements.json,
/// which generate_requirements.py derives from the upstream policy files.</summary>
public sealed class RequirementCatalog
{
    public static readonly RequirementCatalog Default = Load();

    private readonly Dictionary<string, ComponentRequirements> byName;

    private RequirementCatalog(ImmutableArray<ComponentRequirements> components, string version)
    {
        Components = components;
        Version = version;
        byName = components.ToDictionary(c => c.Component, StringComparer.Ordinal);
    }

    public ImmutableArray<ComponentRequirements> Components { get; }

    public string Version { get; }

    public ComponentRequirements? For(string component) => byName.GetValueOrDefault(component);

    private static RequirementCatalog Load()
    {
        using var stream = typeof(RequirementCatalog).Assembly.GetManifestResourceStream("Kalc.Iac.Analyzers.Catalog.requirements.json")
            ?? throw new InvalidOperationException("requirements.json is not embedded");
        using var doc = JsonDocument.Parse(stream);
        var list = ImmutableArray.CreateBuilder<ComponentRequirements>();
        foreach (var c in doc.RootElement.GetProperty("components").EnumerateArray())
        {
            var essential = c.GetProperty("essential").EnumerateArray().Select(e => e.GetString()!).ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);
            list.Add(new ComponentRequirements
            {
                Component = c.GetProperty("name").GetString()!,
                Identity = c.GetProperty("identity").GetString()!,
                Note = c.GetProperty("note").GetString()!,
                Sources = [.. c.GetProperty("sources").EnumerateArray().Select(ReadSource)],
                Essential = essential,
                Requirements = [.. c.GetProperty("requirements").EnumerateArray().Select(r => ReadRequirement(r, essential))],
            });
        }
        return new RequirementCatalog(list.ToImmutable(), doc.RootElement.GetProperty("catalogVersion").GetString()!);
    }

    private static RequirementSource ReadSource(JsonElement s) => new(
        s.GetProperty("file").GetString()!, s.GetProperty("repo").GetString()!, s.GetProperty("path").GetString()!,
        s.GetProperty("commit").GetString()!, s.GetProperty("url").GetString()!);

    private static ActionRequirement ReadRequirement(JsonElement r, ImmutableHashSet<string> essential)
    {
        var action = r.GetProperty("action").GetString()!;
        var context = ImmutableDictionary<string, ImmutableArray<string>?>.Empty;
        if (r.TryGetProperty("context", out var ctx))
        {
            foreach (var k in ctx.EnumerateObject())
                context = context.SetItem(k.Name, k.Value.ValueKind == JsonValueKind.Null ? null : [.. k.Value.EnumerateArray().Select(v => v.GetString()!)]);
        }
        return new ActionRequirement
        {
            Action = action,
            Resource = r.GetProperty("resource").GetString()!,
            Context = context,
            ConditionsNotModelled = r.TryGetProperty("conditionsNotModelled", out var n) && n.GetBoolean(),
            From = r.GetProperty("from").GetString()!,
            IsEssential = essential.Contains(action),
        };
    }
}
