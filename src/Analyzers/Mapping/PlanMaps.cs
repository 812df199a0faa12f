using System.Collections.Immutable;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping;

/// <summary>Map, number and boolean attributes of a planned object (tags, scaling sizes, flags).</summary>
public static class PlanMaps
{
    /// <summary>A map of strings (tags, labels): unknown when the map is unknown; an unknown or sensitive value is kept as
    /// <see cref="UnknownValue"/> (its key is known, which is what tag rules look at).</summary>
    public static Known<ImmutableDictionary<string, string>> StringMap(PlanValue obj, string attribute)
    {
        var v = obj[attribute];
        if (v is PlanUnknown or PlanSensitive) return Known<ImmutableDictionary<string, string>>.Unknown($"{attribute} is known only after apply");
        if (v is PlanNull) return Known<ImmutableDictionary<string, string>>.Of(ImmutableDictionary<string, string>.Empty);
        if (v is not PlanObject o) return Known<ImmutableDictionary<string, string>>.Unknown($"{attribute} is not a map");
        var b = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (k, item) in o.Properties) b[k] = item.AsString() ?? UnknownValue;
        return Known<ImmutableDictionary<string, string>>.Of(b.ToImmutable());
    }

    /// <summary>Stands for a map value that is unknown or sensitive.</summary>
    public const string UnknownValue = "\u0000unknown";

    /// <summary>A nested attribute under its Terraform (snake_case) name or, in a Pulumi preview, where nested values keep
    /// Pulumi's camelCase names, under that name.</summary>
    public static string Name(PlanValue obj, string snake)
    {
        if (obj[snake] is not PlanNull) return snake;
        var parts = snake.Split('_');
        var camel = parts[0] + string.Concat(parts.Skip(1).Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
        return obj[camel] is PlanNull ? snake : camel;
    }

    public static Known<int?> Int(PlanValue obj, string attribute) => obj[Name(obj, attribute)] switch
    {
        PlanUnknown or PlanSensitive => Known<int?>.Unknown($"{attribute} is known only after apply"),
        PlanNull => Known<int?>.Of(null),
        var v when int.TryParse(v.AsString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) => Known<int?>.Of(n),
        _ => Known<int?>.Unknown($"{attribute} is not a number"),
    };

    public static Known<bool?> Bool(PlanValue obj, string attribute) => obj[attribute] switch
    {
        PlanUnknown or PlanSensitive => Known<bool?>.Unknown($"{attribute} is known only after apply"),
        PlanNull => Known<bool?>.Of(null),
        PlanBool b => Known<bool?>.Of(b.Value),
        PlanString { Value: "true" } => Known<bool?>.Of(true),
        PlanString { Value: "false" } => Known<bool?>.Of(false),
        _ => Known<bool?>.Unknown($"{attribute} is not a boolean"),
    };
}
