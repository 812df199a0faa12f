using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.KubeModel.Readers;

/// <summary>A ConfigMap's data. A value that is not a string (YAML without the <c>|</c> after <c>mapRoles:</c>) makes the
/// API server reject the whole object, so such a ConfigMap is not loaded and the reason is noted.</summary>
internal static class ConfigMapReader
{
    public static ConfigMap? Read(JsonElement obj, ObjectMeta meta, SourceRef source, ICollection<string> missing)
    {
        var data = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (obj.Obj("data") is { } d)
        {
            foreach (var p in d.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.String) { data[p.Name] = p.Value.GetString()!; continue; }
                if (p.Value.ValueKind == JsonValueKind.Null) continue;
                missing.Add($"ConfigMap {meta.Namespace}/{meta.Name} in {source}: data.{p.Name} is a {p.Value.ValueKind.ToString().ToLowerInvariant()}, not a string; Kubernetes rejects such a ConfigMap, so it was not loaded (a missing '|' after '{p.Name}:'?)");
                return null;
            }
        }
        return new ConfigMap { Namespace = meta.Namespace, Name = meta.Name, Data = data.ToImmutable(), Source = source };
    }
}
