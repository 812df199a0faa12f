using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.KubeModel.Readers;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping.Kubernetes;

/// <summary>helm_release, for the one object the cluster-access rules read: a kube-system/aws-auth ConfigMap the release
/// renders. What a release renders is known in two cases: the helm provider's <c>manifest</c> attribute (set when the
/// provider has <c>experiments { manifest = true }</c>: a JSON object of every rendered object keyed
/// "namespace/kind/apiVersion/name",
/// https://github.com/hashicorp/terraform-provider-helm/blob/main/helm/manifest_json.go), and a "raw" chart (bedag/raw and
/// its forks: <c>resources</c> lists objects and <c>templates</c> YAML strings, rendered as given,
/// https://github.com/bedag/helm-charts/blob/master/charts/raw/templates/resources.yaml: resources through toYaml, templates
/// through tpl) whose templates hold no template expression. A release
/// whose values mention aws-auth, mapRoles or mapUsers and whose output is neither is mapped as an aws-auth change whose
/// data is unknown, naming the release (the run is incomplete, never safe). Any other release is unsupported as before.
/// Helm deletes what a release no longer renders, so aws-auth rendered before and not after is an empty aws-auth.</summary>
public sealed class HelmReleaseMapper : IResourceMapper
{
    public string ResourceType => "helm_release";

    public IReadOnlyList<string> Attributes { get; } = ["name", "namespace", "chart", "manifest", "values", "set", "set_list"];

    public MappedChange Map(ResourceChange change)
    {
        var before = Render(change.Before);
        var after = ReferenceEquals(change.After, change.Before) ? before : Render(change.After);
        if (before is not { Mentions: true } && after is not { Mentions: true })
            return new UnsupportedChange(change) { Status = Model.MappingStatus.Unsupported };
        return new ConfigMapChange(change, before?.Values, after?.Values, DataOnly: false)
        {
            OtherObjects = [.. (before?.Others ?? []).Concat(after?.Others ?? []).Distinct(StringComparer.Ordinal)],
        };
    }

    private sealed record Rendered(ConfigMapValues Values, bool Mentions)
    {
        public ImmutableArray<string> Others { get; init; } = [];
    }

    private static readonly Known<string?> KubeSystem = Known<string?>.Of("kube-system");
    private static readonly Known<string?> AwsAuth = Known<string?>.Of("aws-auth");

    private static Rendered? Render(PlanValue v)
    {
        if (v is not PlanObject) return null;
        var ns = v["namespace"].AsString() is { Length: > 0 } n ? n : "default";
        var release = v["name"].AsString() ?? "(unnamed)";
        if (v["manifest"] is PlanString { Value.Length: > 0 } manifest)
            return FromManifest(manifest.Value, ns, release);
        var chart = v["chart"].AsString() ?? "";
        var mentions = Mentions(v);
        if (chart == "raw" || chart.EndsWith("/raw", StringComparison.Ordinal))
            return FromRawValues(v, ns, release) ?? (mentions ? Unknown($"helm_release {release} (chart raw) sets values with template expressions or through set; what it renders is not in the plan") : null);
        return mentions
            ? Unknown($"helm_release {release} (chart {chart}) renders aws-auth from its templates, and its rendered output is not in the plan (the helm provider's experiments {{ manifest = true }} puts it there)")
            : null;
    }

    private static Rendered Unknown(string why) =>
        new(new ConfigMapValues(KubeSystem, AwsAuth, Known<ImmutableDictionary<string, string>>.Unknown(why)), true);

    private static Rendered Data(ImmutableDictionary<string, string>? data, List<string> others) =>
        new(new ConfigMapValues(KubeSystem, AwsAuth, Known<ImmutableDictionary<string, string>>.Of(data ?? ImmutableDictionary<string, string>.Empty)), data is not null)
        {
            Others = [.. others],
        };

    /// <summary>"Kind namespace/name" of a rendered object.</summary>
    private static string Describe(JsonElement o, string releaseNamespace)
    {
        string? Str(JsonElement e, string p) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(p, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var meta = o.ValueKind == JsonValueKind.Object && o.TryGetProperty("metadata", out var m) ? m : default;
        return $"{Str(o, "kind") ?? "object"} {Str(meta, "namespace") ?? releaseNamespace}/{Str(meta, "name") ?? "?"}";
    }

    /// <summary>True when the release's values or set names say aws-auth, mapRoles or mapUsers (or the values cannot be read).</summary>
    private static bool Mentions(PlanValue v)
    {
        foreach (var value in v["values"].AsList())
            if (value.AsString() is { } s && Says(s)) return true;
        foreach (var set in v["set"].AsList().Concat(v["set_list"].AsList()))
            if (set["name"].AsString() is { } name && Says(name)) return true;
        return (v["chart"].AsString() ?? "").Contains("aws-auth", StringComparison.OrdinalIgnoreCase)
            || (v["name"].AsString() ?? "").Contains("aws-auth", StringComparison.OrdinalIgnoreCase);
    }

    private static bool Says(string s) =>
        s.Contains("aws-auth", StringComparison.OrdinalIgnoreCase) || s.Contains("mapRoles", StringComparison.OrdinalIgnoreCase) || s.Contains("mapUsers", StringComparison.OrdinalIgnoreCase);

    private static Rendered FromManifest(string manifest, string releaseNamespace, string release)
    {
        try
        {
            using var doc = JsonDocument.Parse(manifest, JsonLimits.DocumentOptions);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return Unknown($"helm_release {release}: its manifest is not a JSON object");
            return Find(doc.RootElement.EnumerateObject().Select(o => o.Value), releaseNamespace);
        }
        catch (JsonException)
        {
            return Unknown($"helm_release {release}: its manifest is not valid JSON");
        }
    }

    /// <summary>The raw chart's <c>resources</c> (objects) and <c>templates</c> (YAML strings); the last values document that
    /// sets one wins (Helm merges values files in order, and a list replaces a list). Null when it cannot be told.</summary>
    private static Rendered? FromRawValues(PlanValue v, string releaseNamespace, string release)
    {
        if (v["set"].AsList().Count > 0 || v["set_list"].AsList().Count > 0 || v["values"] is not PlanList values) return null;
        JsonElement? resources = null, templates = null;
        var docs = new List<JsonDocument>();
        try
        {
            foreach (var value in values.Items)
            {
                if (value.AsString() is not { } yaml) return null;
                YamlToJson.ReadDocuments(yaml, $"{release} values", (json, _) =>
                {
                    var d = JsonDocument.Parse(json, JsonLimits.DocumentOptions);
                    docs.Add(d);
                    if (d.RootElement.ValueKind != JsonValueKind.Object) return;
                    if (d.RootElement.TryGetProperty("resources", out var r)) resources = r;
                    if (d.RootElement.TryGetProperty("templates", out var t)) templates = t;
                });
            }
            var objects = new List<JsonElement>();
            if (resources is { ValueKind: JsonValueKind.Array } rs) objects.AddRange(rs.EnumerateArray());
            if (templates is { ValueKind: JsonValueKind.Array } ts)
                foreach (var t in ts.EnumerateArray())
                {
                    // templates go through tpl: one with a template expression renders to what only Helm can tell.
                    if (t.ValueKind != JsonValueKind.String || t.GetString()!.Contains("{{", StringComparison.Ordinal)) return null;
                    YamlToJson.ReadDocuments(t.GetString()!, $"{release} template", (json, _) =>
                        {
                            var d = JsonDocument.Parse(json, JsonLimits.DocumentOptions);
                            docs.Add(d);
                            objects.Add(d.RootElement);
                        });
                }
            return Find(objects, releaseNamespace);
        }
        catch (Exception e) when (e is InputException or JsonException)
        {
            return Unknown($"helm_release {release} (chart raw): its values are not YAML it can render");
        }
        finally
        {
            foreach (var d in docs) d.Dispose();
        }
    }

    private static Rendered Find(IEnumerable<JsonElement> objects, string releaseNamespace)
    {
        ImmutableDictionary<string, string>? found = null;
        var others = new List<string>();
        foreach (var o in objects)
        {
            if (AwsAuthData(o, releaseNamespace) is { } data) found = data;
            else others.Add(Describe(o, releaseNamespace));
        }
        return Data(found, others);
    }

    /// <summary>The data of <paramref name="o"/> when it is the kube-system/aws-auth ConfigMap.</summary>
    private static ImmutableDictionary<string, string>? AwsAuthData(JsonElement o, string releaseNamespace)
    {
        if (o.ValueKind != JsonValueKind.Object || !o.TryGetProperty("kind", out var kind) || kind.ValueKind != JsonValueKind.String || kind.GetString() != "ConfigMap") return null;
        if (!o.TryGetProperty("metadata", out var meta) || meta.ValueKind != JsonValueKind.Object) return null;
        var name = meta.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        var ns = meta.TryGetProperty("namespace", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : releaseNamespace;
        if (name != "aws-auth" || ns != "kube-system") return null;
        var b = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (o.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
            foreach (var p in data.EnumerateObject())
                if (p.Value.ValueKind == JsonValueKind.String) b[p.Name] = p.Value.GetString()!;
        return b.ToImmutable();
    }
}
