using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Pulumirpc;

namespace Kalc.Iac.PulumiPolicy.Tests.Engine;

/// <summary>The requests the Pulumi engine sends a policy pack, built as the engine builds them
/// (pulumi/pulumi pkg/resource/plugin/analyzer_plugin.go, pkg/resource/analyzer/config.go, docs/pulumi-policy.md).</summary>
public static class EngineRequests
{
    public static AnalyzerStackConfigureRequest ConfigureStack(string organization, string project, string stack) =>
        new() { Organization = organization, Project = project, Stack = stack, DryRun = true };

    /// <summary>A recorded AnalyzeStackRequest (proto3 JSON), e.g. examples/X/pulumi/analyze-stack.json.</summary>
    public static AnalyzeStackRequest AnalyzeStack(string path) =>
        JsonParser.Default.Parse<AnalyzeStackRequest>(File.ReadAllText(path));

    /// <summary>Analyze for one resource: the engine sends its inputs.</summary>
    public static AnalyzeRequest Analyze(string urn, string type, Struct inputs) =>
        new() { Urn = urn, Type = type, Name = urn[(urn.LastIndexOf("::", StringComparison.Ordinal) + 2)..], Properties = inputs };

    /// <summary>What the engine's Configure call carries for a <c>--policy-pack-config</c> file: every policy of the
    /// pack with its default level, then <c>all</c>'s level, then each entry's level and properties
    /// (ReconcilePolicyPackConfig / applyConfig in pkg/resource/analyzer/config.go; entries for names that are not
    /// policies, such as <c>all</c>, are passed on too).</summary>
    public static ConfigureAnalyzerRequest Configure(AnalyzerInfo info, string configJson)
    {
        var request = new ConfigureAnalyzerRequest();
        foreach (var p in info.Policies)
            request.PolicyConfig[p.Name] = new PolicyConfig { EnforcementLevel = p.EnforcementLevel };
        using var doc = JsonDocument.Parse(configJson);
        if (doc.RootElement.TryGetProperty("all", out var all) && Level(all) is { } allLevel)
            foreach (var p in info.Policies)
                request.PolicyConfig[p.Name].EnforcementLevel = allLevel;
        foreach (var entry in doc.RootElement.EnumerateObject())
        {
            if (!request.PolicyConfig.TryGetValue(entry.Name, out var config))
                request.PolicyConfig[entry.Name] = config = new PolicyConfig();
            if (Level(entry.Value) is { } level) config.EnforcementLevel = level;
            if (entry.Value.ValueKind == JsonValueKind.Object)
            {
                var props = new Struct();
                foreach (var p in entry.Value.EnumerateObject())
                    if (p.Name != "enforcementLevel") props.Fields[p.Name] = JsonParser.Default.Parse<Value>(p.Value.GetRawText());
                if (props.Fields.Count > 0) config.Properties = props;
            }
        }
        return request;
    }

    private static EnforcementLevel? Level(JsonElement v)
    {
        var text = v.ValueKind == JsonValueKind.String ? v.GetString()
            : v.ValueKind == JsonValueKind.Object && v.TryGetProperty("enforcementLevel", out var l) ? l.GetString() : null;
        return text switch
        {
            null => null,
            "advisory" => EnforcementLevel.Advisory,
            "mandatory" => EnforcementLevel.Mandatory,
            "disabled" => EnforcementLevel.Disabled,
            "remediate" => EnforcementLevel.Remediate,
            _ => throw new ArgumentException($"{text} is not an enforcement level"),
        };
    }
}
