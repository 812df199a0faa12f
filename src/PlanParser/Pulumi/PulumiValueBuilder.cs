using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.PlanParser.Json;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Pulumi;

/// <summary>Turns Pulumi property values into <see cref="PlanValue"/>s. Pulumi marks secrets with a signature object
/// (<c>{"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ...}</c>) or shows them as
/// <c>"[secret]"</c>, and unknown preview values as the sentinel string <c>04da6b54-80e4-46f7-96ec-b56ff0331ba9</c>
/// (https://github.com/pulumi/pulumi/blob/master/sdk/go/common/resource/properties.go, sig.go). Secrets are never read.</summary>
internal sealed class PulumiValueBuilder(PlanValueFactory values)
{
    private const string SignatureKey = PulumiSignatures.SecretKey;
    private const string SecretSignature = PulumiSignatures.SecretValue;
    private const string UnknownSentinel = PulumiSignatures.Unknown;
    private const string BlindedSecret = "[secret]";

    /// <summary>The state of a step side: outputs with the inputs laid over them (a preview's new inputs are
    /// what will be applied; its outputs are what is already known), and top-level names in Terraform's spelling.</summary>
    public PlanValue State(JsonElement state, PulumiType? type)
    {
        if (state.ValueKind != JsonValueKind.Object) return PlanValue.Null;
        var props = ImmutableDictionary.CreateBuilder<string, PlanValue>(StringComparer.Ordinal);
        AddTopLevel(props, Get(state, "outputs"), type);
        AddTopLevel(props, Get(state, "inputs"), type);
        if (!props.ContainsKey("id") && Get(state, "id") is { ValueKind: JsonValueKind.String } id && id.GetString() is { Length: > 0 } idText)
            props["id"] = values.String(idText);
        return PlanValueFactory.Object(props);
    }

    public string PropertyName(string pulumiName, PulumiType? type) =>
        values.Names.Intern(type is null ? pulumiName : type.TerraformProperty(pulumiName));

    private void AddTopLevel(ImmutableDictionary<string, PlanValue>.Builder props, JsonElement bag, PulumiType? type)
    {
        if (bag.ValueKind != JsonValueKind.Object) return;
        foreach (var p in bag.EnumerateObject())
            props[PropertyName(p.Name, type)] = Build(p.Value);
    }

    public PlanValue Build(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                if (value.TryGetProperty(SignatureKey, out var sig) && sig.ValueKind == JsonValueKind.String && sig.ValueEquals(SecretSignature))
                    return PlanValue.Sensitive;
                var props = ImmutableDictionary.CreateBuilder<string, PlanValue>(StringComparer.Ordinal);
                foreach (var p in value.EnumerateObject())
                    props[values.Names.Intern(p.Name)] = Build(p.Value);
                return PlanValueFactory.Object(props);
            case JsonValueKind.Array:
                var items = ImmutableArray.CreateBuilder<PlanValue>(value.GetArrayLength());
                foreach (var item in value.EnumerateArray())
                    items.Add(Build(item));
                return PlanValueFactory.List(items);
            case JsonValueKind.String when value.ValueEquals(UnknownSentinel):
                return PlanValue.Unknown;
            case JsonValueKind.String when value.ValueEquals(BlindedSecret):
                return PlanValue.Sensitive;
            default:
                return values.Scalar(value);
        }
    }

    private static JsonElement Get(JsonElement o, string name) => o.TryGetProperty(name, out var v) ? v : default;
}
