using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.Analyzers.Catalog;

/// <summary>The components kalc-iac knows, loaded from the embedded components.json.</summary>
public sealed class ComponentCatalog
{
    public static readonly ComponentCatalog Default = Load();

    private ComponentCatalog(ImmutableArray<ComponentDefinition> components, string version)
    {
        Components = components;
        Version = version;
    }

    public ImmutableArray<ComponentDefinition> Components { get; }

    public string Version { get; }

    public ComponentDefinition? Get(string name) => Components.FirstOrDefault(c => c.Name == name);

    /// <summary>The catalog component a workload is, or null for any other workload.</summary>
    public ComponentDefinition? Recognise(Workload workload)
    {
        foreach (var c in Components)
        {
            if (c.RunsOn != "workload") continue;
            if (!c.Kinds.IsEmpty && !c.Kinds.Contains(workload.Kind)) continue;
            var byName = c.Names.Any(n => NameMatches(workload.Name, n));
            var byImage = c.Images.Any(i => workload.Images.Any(img => img.Contains(i, StringComparison.OrdinalIgnoreCase)));
            if (!byName && !byImage) continue;
            if (!c.ArgsAll.All(a => workload.Args.Any(x => x.Equals(a, StringComparison.Ordinal) || x.EndsWith(" " + a, StringComparison.Ordinal))))
                continue;
            return c;
        }
        return null;
    }

    /// <summary>Exact name, or a static pod's "NAME-NODENAME", or a Helm-prefixed "RELEASE-NAME".</summary>
    private static bool NameMatches(string workload, string name) =>
        workload.Equals(name, StringComparison.Ordinal) ||
        workload.StartsWith(name + "-", StringComparison.Ordinal) ||
        workload.EndsWith("-" + name, StringComparison.Ordinal);

    private static ComponentCatalog Load()
    {
        using var stream = typeof(ComponentCatalog).Assembly.GetManifestResourceStream("Kalc.Iac.Analyzers.Catalog.components.json")
            ?? throw new InvalidOperationException("components.json is not embedded");
        using var doc = JsonDocument.Parse(stream);
        var list = ImmutableArray.CreateBuilder<ComponentDefinition>();
        foreach (var c in doc.RootElement.GetProperty("components").EnumerateArray())
        {
            var r = c.GetProperty("recognise");
            list.Add(new ComponentDefinition
            {
                Name = c.GetProperty("name").GetString()!,
                RunsOn = c.GetProperty("runsOn").GetString()!,
                Names = Strings(r, "names"),
                Images = Strings(r, "images"),
                ArgsAll = Strings(r, "argsAll"),
                Kinds = Strings(r, "kinds"),
                Symptom = c.GetProperty("symptom").GetString()!,
                Source = c.GetProperty("source").GetString()!,
            });
        }
        return new ComponentCatalog(list.ToImmutable(), doc.RootElement.GetProperty("catalogVersion").GetString()!);
    }

    private static ImmutableArray<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var a) ? [.. a.EnumerateArray().Select(x => x.GetString()!)] : [];
}
