using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.PlanParser.Json;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Json;

/// <summary>Reads the module calls out of a plan's <c>configuration</c> object token by token (it can be large; only
/// <c>root_module.module_calls.NAME.{source, version_constraint}</c> and the same under each <c>module</c>, at any
/// depth, are kept). Format: https://developer.hashicorp.com/terraform/internals/json-format#configuration-representation</summary>
internal static class ModuleCallsReader
{
    /// <summary>From the first token of the configuration value to its last.</summary>
    public static ImmutableDictionary<string, PlanModuleCall> Read(ref Utf8JsonReader reader, JsonWindow window)
    {
        var calls = new Dictionary<string, (string? Source, string? Version)>(StringComparer.Ordinal);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            JsonStream.SkipValue(ref reader, window);
            return ImmutableDictionary<string, PlanModuleCall>.Empty;
        }
        var path = new List<string>();
        string? name = null;
        var depth = reader.CurrentDepth;
        while (JsonStream.Next(ref reader, window))
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    name = reader.GetString();
                    continue;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    path.Add(name ?? "[]");
                    name = null;
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    if (reader.CurrentDepth == depth) return Build(calls);
                    path.RemoveAt(path.Count - 1);
                    name = null;
                    continue;
                case JsonTokenType.String when name is "source" or "version_constraint" && CallKey(path) is { } key:
                    var seen = calls.GetValueOrDefault(key);
                    calls[key] = name == "source" ? (reader.GetString(), seen.Version) : (seen.Source, reader.GetString());
                    break;
            }
            name = null;
        }
        throw new JsonException("the input ends inside configuration");
    }

    /// <summary>"a.b" when the path is root_module.module_calls.a.module.module_calls.b, else null.</summary>
    private static string? CallKey(List<string> path)
    {
        if (path.Count < 3 || path.Count % 3 != 0 || path[0] != "root_module") return null;
        var names = new List<string>();
        for (var i = 1; i < path.Count; i += 3)
        {
            if (path[i] != "module_calls" || (i + 2 < path.Count && path[i + 2] != "module")) return null;
            names.Add(path[i + 1]);
        }
        return string.Join('.', names);
    }

    private static ImmutableDictionary<string, PlanModuleCall> Build(Dictionary<string, (string? Source, string? Version)> calls) =>
        calls.Where(c => c.Value.Source is not null)
            .ToImmutableDictionary(c => c.Key, c => new PlanModuleCall(c.Key, c.Value.Source!, c.Value.Version), StringComparer.Ordinal);
}
