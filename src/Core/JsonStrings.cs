using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Kalc.Iac.Core;

/// <summary>One copy of each repeated string the state readers read from JSON: 10,000 instances share a handful of
/// instance types, zones, subnets, profile ARNs and tag keys and values, 5,000 roles a few trust policies, 2,000 nodes the
/// same label keys and values. Values are looked up by their UTF-8 bytes, so a repeated one is neither decoded nor
/// allocated again. Per thread (a file is read on one) and bounded, so that a process reading many dumps (the tests)
/// does not keep them all.</summary>
public static class JsonStrings
{
    private const int MaxLength = 8 * 1024;
    private const int MaxPooled = 64 * 1024;

    [ThreadStatic]
    private static Utf8StringPool? _pool;

    private static Utf8StringPool Pool => _pool ??= new Utf8StringPool(MaxLength, MaxPooled, clearWhenFull: true);

    public static string? Intern(string? s) => s is null ? null : Pool.Intern(s);

    /// <summary>A string field as <see cref="JsonElementFields.Str"/> reads it, one copy per distinct value.</summary>
    public static string? Str(JsonElement? obj, string name) => obj is { } o && o.Field(name) is { } v ? Text(v) : null;

    /// <summary>A string value (numbers and booleans as their JSON text), one copy per distinct value.</summary>
    public static string? Text(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String) return Intern(value.AsText());
        var raw = JsonMarshal.GetRawUtf8Value(value); // with its quotes
        return raw.Length > MaxLength || raw.Contains((byte)'\\')
            ? Intern(value.GetString())
            : Lookup(raw[1..^1]);
    }

    /// <summary>The string field <paramref name="field"/> of each object in the array field <paramref name="array"/> of
    /// <paramref name="obj"/> (items without it skipped), one copy per distinct value, in an array of its final size: read
    /// for every instance and role of a large account, where a LINQ chain over the items costs four objects each.</summary>
    public static ImmutableArray<string> Each(JsonElement obj, string array, string field)
    {
        if (obj.Field(array) is not { ValueKind: JsonValueKind.Array } items || items.GetArrayLength() == 0) return [];
        var values = new string[items.GetArrayLength()];
        var n = 0;
        foreach (var item in items.EnumerateArray())
            if (Str(item, field) is { } value) values[n++] = value;
        if (n < values.Length) Array.Resize(ref values, n);
        return ImmutableCollectionsMarshal.AsImmutableArray(values);
    }

    /// <summary>A property's name, one copy per distinct name (label and tag keys repeat across thousands of objects).</summary>
    public static string Name(JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        return raw.Length > MaxLength || raw.Contains((byte)'\\') ? Intern(property.Name)! : Lookup(raw);
    }

    /// <summary>The JSON text of a value (a policy document printed as an object), one copy per distinct text.</summary>
    public static string RawText(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        return raw.Length > MaxLength ? value.GetRawText() : Lookup(raw);
    }

    /// <summary>The string whose UTF-8 bytes are <paramref name="text"/>, one copy per distinct text.</summary>
    private static string Lookup(ReadOnlySpan<byte> text) => Pool.Intern(text);
}
