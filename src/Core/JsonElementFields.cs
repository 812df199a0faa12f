using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Kalc.Iac.Core;

/// <summary>Tolerant reads of one field of a JSON object: a missing field, JSON null or a value of another
/// type reads as absent, so readers can say what they need without a ladder of <c>TryGetProperty</c>.</summary>
public static class JsonElementFields
{
    public static JsonElement? Field(this JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    /// <summary>A string field; numbers and booleans are given as their JSON text (YAML turns "1.30" into a number).</summary>
    public static string? Str(this JsonElement obj, string name) => obj.Field(name) is { } v ? AsText(v) : null;

    public static string? AsText(this JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
        _ => null,
    };

    /// <summary>A string field the reader cannot do without; its absence is an input error naming <paramref name="where"/>.</summary>
    public static string Need(this JsonElement obj, string name, string where) =>
        obj.Str(name) is { Length: > 0 } s ? s : throw new InputException($"{where} has no \"{name}\"");

    public static JsonElement? Obj(this JsonElement obj, string name) =>
        obj.Field(name) is { ValueKind: JsonValueKind.Object } v ? v : null;

    public static JsonElement.ArrayEnumerator Arr(this JsonElement obj, string name) =>
        obj.Field(name) is { ValueKind: JsonValueKind.Array } v ? v.EnumerateArray() : default;

    public static bool Bool(this JsonElement obj, string name) => obj.Field(name) is { ValueKind: JsonValueKind.True };

    public static long? Long(this JsonElement obj, string name) => obj.Field(name) switch
    {
        { ValueKind: JsonValueKind.Number } v when v.TryGetInt64(out var n) => n,
        { ValueKind: JsonValueKind.String } v when long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    public static DateTimeOffset? Time(this JsonElement obj, string name) =>
        obj.Str(name) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    /// <summary>The string items of an array field, skipping anything else.</summary>
    public static ImmutableArray<string> Strings(this JsonElement obj, string name)
    {
        var b = ImmutableArray.CreateBuilder<string>();
        foreach (var item in obj.Arr(name))
            if (item.AsText() is { } s) b.Add(s);
        return b.ToImmutable();
    }

    /// <summary>An object of string values (labels, annotations, ConfigMap data), non-string values skipped.</summary>
    public static ImmutableDictionary<string, string> StringMap(this JsonElement obj, string name)
    {
        if (obj.Obj(name) is not { } map) return ImmutableDictionary<string, string>.Empty;
        var b = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        // Keys and values shared across objects (every node has the same dozen label keys, and mostly the same values).
        foreach (var p in map.EnumerateObject())
            if (JsonStrings.Text(p.Value) is { } s) b[JsonStrings.Name(p)] = s;
        return b.ToImmutable();
    }
}
