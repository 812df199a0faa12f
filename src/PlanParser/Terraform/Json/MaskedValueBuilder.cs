using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.PlanParser.Json;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Json;

/// <summary>Builds a <see cref="PlanValue"/> from a plan value and its two mirror masks
/// (<c>after_unknown</c>, <c>before_sensitive</c>/<c>after_sensitive</c>): <c>true</c> in a mask marks the whole
/// subtree. A sensitive subtree is never read, so its content cannot end up in the model.</summary>
internal sealed class MaskedValueBuilder(PlanValueFactory values)
{
    /// <summary>Builds the value; <paramref name="only"/> keeps just those top-level attributes of an object.</summary>
    public PlanValue Build(JsonElement value, JsonElement unknown, JsonElement sensitive, IReadOnlySet<string>? only)
    {
        if (only is null || value.ValueKind != JsonValueKind.Object || sensitive.ValueKind == JsonValueKind.True || unknown.ValueKind == JsonValueKind.True)
            return Build(value, unknown, sensitive);
        return BuildObject(value, unknown, sensitive, only);
    }

    public PlanValue Build(JsonElement value, JsonElement unknown, JsonElement sensitive)
    {
        if (sensitive.ValueKind == JsonValueKind.True) return PlanValue.Sensitive;
        if (unknown.ValueKind == JsonValueKind.True) return PlanValue.Unknown;
        switch (value.ValueKind)
        {
            case JsonValueKind.Object or JsonValueKind.Array when IsEmptyMask(unknown) && IsEmptyMask(sensitive):
                return Shared(value);
            case JsonValueKind.Object:
                return BuildObject(value, unknown, sensitive);
            case JsonValueKind.Array:
                return BuildArray(value, unknown, sensitive);
            default:
                return values.Scalar(value);
        }
    }

    /// <summary>A container with no unknown or sensitive part: small ones are shared between resources.</summary>
    private PlanValue Shared(JsonElement value)
    {
        var raw = RawValueCache.RawOf(value);
        if (raw.Length > RawValueCache.MaxRawLength)
            return value.ValueKind == JsonValueKind.Object ? BuildObject(value, default, default) : BuildArray(value, default, default);
        if (values.Containers.TryGet(raw, out var shared)) return shared;
        var built = value.ValueKind == JsonValueKind.Object ? BuildObject(value, default, default) : BuildArray(value, default, default);
        values.Containers.Add(raw, built);
        return built;
    }

    private static bool IsEmptyMask(JsonElement mask) => mask.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.False or JsonValueKind.Null => true,
        JsonValueKind.Object => mask.GetPropertyCount() == 0,
        JsonValueKind.Array => mask.GetArrayLength() == 0,
        _ => false,
    };

    private PlanValue BuildObject(JsonElement value, JsonElement unknown, JsonElement sensitive, IReadOnlySet<string>? only = null)
    {
        var props = ImmutableDictionary.CreateBuilder<string, PlanValue>(StringComparer.Ordinal);
        foreach (var p in value.EnumerateObject())
        {
            if (only is not null && !only.Contains(p.Name)) continue;
            var name = values.Names.Intern(p.Name);
            props[name] = Build(p.Value, Child(unknown, p.Name), Child(sensitive, p.Name));
        }
        // Terraform leaves unknown attributes out of "after" and lists them only in after_unknown.
        if (unknown.ValueKind == JsonValueKind.Object)
        {
            foreach (var u in unknown.EnumerateObject())
            {
                if (u.Value.ValueKind == JsonValueKind.True && !props.ContainsKey(u.Name) && (only is null || only.Contains(u.Name)))
                    props[values.Names.Intern(u.Name)] = PlanValue.Unknown;
            }
        }
        return PlanValueFactory.Object(props);
    }

    private PlanValue BuildArray(JsonElement value, JsonElement unknown, JsonElement sensitive)
    {
        var length = value.GetArrayLength();
        var items = ImmutableArray.CreateBuilder<PlanValue>(length);
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            items.Add(Build(item, Item(unknown, i), Item(sensitive, i)));
            i++;
        }
        if (unknown.ValueKind == JsonValueKind.Array)
        {
            var unknownLength = unknown.GetArrayLength();
            for (; i < unknownLength; i++)
                items.Add(unknown[i].ValueKind == JsonValueKind.True ? PlanValue.Unknown : PlanValue.Null);
        }
        return PlanValueFactory.List(items);
    }

    private static JsonElement Child(JsonElement mask, string name) =>
        mask.ValueKind == JsonValueKind.Object && mask.TryGetProperty(name, out var child) ? child : default;

    private static JsonElement Item(JsonElement mask, int index) =>
        mask.ValueKind == JsonValueKind.Array && index < mask.GetArrayLength() ? mask[index] : default;
}
