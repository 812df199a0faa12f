using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Kubespray.Model;

namespace Kalc.Iac.PlanParser.Kubespray.Defaults;

/// <summary>The inventory groups kubespray renamed and the groups its first play fills at run time
/// (embedded renamed-groups.json, with the release and commit).</summary>
public static class RenamedGroups
{
    private static readonly (ImmutableDictionary<string, RenamedGroup> Renamed, ImmutableArray<RuntimeGroup> Runtime) Data = Load();

    public static ImmutableDictionary<string, RenamedGroup> ByOldName => Data.Renamed;

    /// <summary>The run-time group mappings in force for a release.</summary>
    public static IEnumerable<RuntimeGroup> RuntimeGroupsFor(string release)
    {
        var key = ReleaseOrder.Key(release == "unknown" ? "master" : release);
        return Data.Runtime.Where(g => ReleaseOrder.Key(g.FromRelease) <= key && (g.UntilRelease is null || key < ReleaseOrder.Key(g.UntilRelease)));
    }

    private static (ImmutableDictionary<string, RenamedGroup>, ImmutableArray<RuntimeGroup>) Load()
    {
        using var stream = typeof(RenamedGroups).Assembly.GetManifestResourceStream("Kalc.Iac.PlanParser.Kubespray.Defaults.renamed-groups.json")
            ?? throw new InvalidOperationException("renamed-groups.json is not embedded");
        using var doc = JsonDocument.Parse(stream, JsonLimits.DocumentOptions);
        var root = doc.RootElement;
        var reference = root.GetProperty("reference").GetString()!;
        var renamed = root.GetProperty("groups").EnumerateArray()
            .Select(g => new RenamedGroup(g.GetProperty("old").GetString()!, g.GetProperty("new").GetString()!, g.GetProperty("release").GetString()!, reference))
            .ToImmutableDictionary(g => g.OldName);
        var runtime = root.GetProperty("runtimeGroups").EnumerateArray()
            .Select(g => new RuntimeGroup(g.GetProperty("group").GetString()!,
                [.. g.GetProperty("members").EnumerateArray().Select(m => m.GetString()!)],
                g.GetProperty("fromRelease").GetString()!,
                g.GetProperty("untilRelease").ValueKind == JsonValueKind.String ? g.GetProperty("untilRelease").GetString() : null))
            .ToImmutableArray();
        return (renamed, runtime);
    }
}
