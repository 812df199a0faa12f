using System.Collections.Immutable;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping.Kubernetes;

/// <summary>kubernetes_config_map / kubernetes_config_map_v1 (the whole ConfigMap) and kubernetes_config_map_v1_data (the
/// data keys it manages, applied server-side; destroying it removes those keys). metadata is a block in Terraform
/// (a list of one object) and an object in Pulumi previews. Only kube-system/aws-auth is analysed (KIAC4xx); other
/// ConfigMaps are unsupported until a rule reads them.
/// https://registry.terraform.io/providers/hashicorp/kubernetes/latest/docs/resources/config_map_v1_data</summary>
public sealed record ConfigMapValues(Known<string?> Namespace, Known<string?> Name, Known<ImmutableDictionary<string, string>> Data);

public sealed record ConfigMapChange(ResourceChange Change, ConfigMapValues? Before, ConfigMapValues? After, bool DataOnly) : MappedChange(Change)
{
    public bool IsAwsAuth => (Before ?? After) is { } v && v.Namespace.Value == "kube-system" && v.Name.Value == "aws-auth";

    /// <summary>Other objects the same change writes (a helm_release rendering more than aws-auth), which no rule reads.</summary>
    public ImmutableArray<string> OtherObjects { get; init; } = [];
}

public sealed class ConfigMapMapper(string resourceType) : IResourceMapper
{
    public string ResourceType => resourceType;

    public IReadOnlyList<string> Attributes { get; } = ["metadata", "data", "id"];

    public MappedChange Map(ResourceChange change)
    {
        var (before, after) = PlanValues.BothSides(change, Read);
        var mapped = new ConfigMapChange(change, before, after, resourceType.EndsWith("_data", StringComparison.Ordinal));
        var identity = before ?? after;
        if (identity is null || !identity.Name.IsKnown || !identity.Namespace.IsKnown)
            return mapped with { Status = Model.MappingStatus.Unknown, WhyUnknown = "the ConfigMap's name or namespace is known only after apply" };
        return mapped.IsAwsAuth ? mapped : mapped with { Status = Model.MappingStatus.Unsupported };
    }

    private static ConfigMapValues? Read(PlanValue v)
    {
        if (v is not PlanObject) return null;
        var meta = PlanValues.Block(v, "metadata");
        if (meta is PlanNull && v["id"].AsString() is { } id && id.Split('/') is [{ Length: > 0 } idNamespace, { Length: > 0 } idName])
        {
            // A text plan hides an unchanged metadata block; the id the provider sets is "namespace/name" and is always shown.
            return new ConfigMapValues(Known<string?>.Of(idNamespace), Known<string?>.Of(idName), Data(v["data"]));
        }
        var ns = PlanValues.Str(meta, "namespace");
        return new ConfigMapValues(ns.IsKnown && ns.Value is null ? Known<string?>.Of("default") : ns, PlanValues.Str(meta, "name"), Data(v["data"]));
    }

    private static Known<ImmutableDictionary<string, string>> Data(PlanValue data)
    {
        if (data is PlanUnknown) return Known<ImmutableDictionary<string, string>>.Unknown("data is known only after apply");
        if (data is PlanSensitive) return Known<ImmutableDictionary<string, string>>.Unknown("data is sensitive");
        var b = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (data is PlanObject o)
        {
            foreach (var (k, value) in o.Properties)
            {
                if (value is PlanUnknown or PlanSensitive) return Known<ImmutableDictionary<string, string>>.Unknown($"data.{k} is known only after apply");
                if (value.AsString() is { } s) b[k] = s;
            }
        }
        return Known<ImmutableDictionary<string, string>>.Of(b.ToImmutable());
    }
}
