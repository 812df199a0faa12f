using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Json;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Json;

/// <summary>Maps one element of <c>resource_changes</c> or <c>resource_drift</c>
/// (https://developer.hashicorp.com/terraform/internals/json-format#resource_changes) onto a <see cref="ResourceChange"/>.</summary>
internal sealed class ResourceChangeElement(PlanValueFactory values, ValueScope scope)
{
    private readonly MaskedValueBuilder _builder = new(values);

    public ResourceChange Read(JsonElement e, SourceRef source)
    {
        var where = source.Path!;
        if (e.ValueKind != JsonValueKind.Object)
            throw new InputException($"{where}: expected an object, found {e.ValueKind}");
        var address = OptionalString(e, "address") ?? AddressFromParts(e, where);
        if (!e.TryGetProperty("change", out var change) || change.ValueKind != JsonValueKind.Object)
            throw new InputException($"{where} ({address}): no change object");
        var actions = PlanActions.Parse(change.TryGetProperty("actions", out var a) ? a : default, $"{where} ({address})");

        var type = values.Names.Intern(RequiredString(e, "type", where));
        var withValues = scope.Includes(type);
        var before = Get(change, "before");
        var after = Get(change, "after");
        var beforeSensitive = Get(change, "before_sensitive");
        var afterSensitive = Get(change, "after_sensitive");
        var afterUnknown = Get(change, "after_unknown");
        var only = scope.AttributesOf(type);
        var beforeValue = withValues ? _builder.Build(before, default, beforeSensitive, only) : PlanValue.Null;
        var afterValue = !withValues ? PlanValue.Null
            : SameAsBefore(before, after, beforeSensitive, afterSensitive, afterUnknown) ? beforeValue
            : _builder.Build(after, afterUnknown, afterSensitive, only);

        return new ResourceChange
        {
            Address = address,
            PreviousAddress = OptionalString(e, "previous_address"),
            ModuleAddress = OptionalString(e, "module_address"),
            Mode = values.Names.Intern(OptionalString(e, "mode") ?? "managed"),
            Type = type,
            Name = values.Names.Intern(RequiredString(e, "name", where)),
            Index = IndexOf(e),
            ProviderName = OptionalString(e, "provider_name") is { } p ? values.Names.Intern(p) : null,
            Actions = actions,
            ReplaceOrder = PlanActions.OrderOf(actions),
            ActionReason = OptionalString(e, "action_reason") is { } r ? values.Names.Intern(r) : null,
            Deposed = OptionalString(e, "deposed"),
            Importing = change.TryGetProperty("importing", out var imp) && imp.ValueKind == JsonValueKind.Object,
            Before = beforeValue,
            After = afterValue,
            ValuesComplete = withValues && only is null,
            ReplacePaths = ReplacePaths(change),
            Source = source,
        };
    }

    /// <summary>No-op changes repeat the same object twice; sharing it halves the memory of a mostly unchanged plan.</summary>
    private static bool SameAsBefore(JsonElement before, JsonElement after, JsonElement beforeSensitive, JsonElement afterSensitive, JsonElement afterUnknown)
    {
        if (before.ValueKind == JsonValueKind.Undefined || after.ValueKind == JsonValueKind.Undefined) return false;
        if (afterUnknown.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.False) &&
            !(afterUnknown.ValueKind == JsonValueKind.Object && afterUnknown.GetPropertyCount() == 0))
            return false;
        return Raw(before).SequenceEqual(Raw(after)) && Raw(beforeSensitive).SequenceEqual(Raw(afterSensitive));
    }

    private static ReadOnlySpan<byte> Raw(JsonElement e) =>
        e.ValueKind == JsonValueKind.Undefined ? default : JsonMarshal.GetRawUtf8Value(e);

    /// <summary>Terraform 1.0.0 wrote resource_drift entries without "address"; rebuild it from its parts.</summary>
    private static string AddressFromParts(JsonElement e, string where)
    {
        var module = OptionalString(e, "module_address");
        var prefix = module is null ? "" : module + ".";
        var data = OptionalString(e, "mode") == "data" ? "data." : "";
        var index = IndexOf(e) is { } i ? "[" + i + "]" : "";
        return $"{prefix}{data}{RequiredString(e, "type", where)}.{RequiredString(e, "name", where)}{index}";
    }

    private static string? IndexOf(JsonElement e)
    {
        if (!e.TryGetProperty("index", out var index)) return null;
        return index.ValueKind switch
        {
            JsonValueKind.Number => index.GetRawText(),
            // As Terraform prints the key inside an address: quoted, with backslash and quote escaped.
            JsonValueKind.String => "\"" + index.GetString()!.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
            _ => null,
        };
    }

    private static ImmutableArray<string> ReplacePaths(JsonElement change)
    {
        if (!change.TryGetProperty("replace_paths", out var paths) || paths.ValueKind != JsonValueKind.Array)
            return [];
        var builder = ImmutableArray.CreateBuilder<string>(paths.GetArrayLength());
        foreach (var path in paths.EnumerateArray())
            builder.Add(PathText(path));
        return builder.MoveToImmutable();
    }

    /// <summary>A replace path is a list of steps (attribute names and indexes): ["tags","Name"] becomes <c>tags["Name"]</c>.</summary>
    private static string PathText(JsonElement path)
    {
        if (path.ValueKind != JsonValueKind.Array) return path.ToString();
        var text = new System.Text.StringBuilder();
        var first = true;
        foreach (var step in path.EnumerateArray())
        {
            if (step.ValueKind == JsonValueKind.Number)
                text.Append('[').Append(step.GetRawText()).Append(']');
            else if (first)
                text.Append(step.GetString());
            else if (step.GetString() is { } s && IsIdentifier(s))
                text.Append('.').Append(s);
            else
                text.Append("[\"").Append(step.GetString()).Append("\"]");
            first = false;
        }
        return text.ToString();
    }

    private static bool IsIdentifier(string s)
    {
        if (s.Length == 0 || char.IsDigit(s[0])) return false;
        foreach (var c in s)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-')) return false;
        return true;
    }

    private static JsonElement Get(JsonElement o, string name) => o.TryGetProperty(name, out var v) ? v : default;

    private static string RequiredString(JsonElement e, string name, string where) =>
        OptionalString(e, name) ?? throw new InputException($"{where}: missing \"{name}\"");

    private static string? OptionalString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    internal static string Describe(int index, string array) => string.Create(CultureInfo.InvariantCulture, $"{array}[{index}]");
}
