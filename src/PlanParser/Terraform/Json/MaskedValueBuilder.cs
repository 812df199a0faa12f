using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Json;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Json;

/// <summary>Builds a <see cref="PlanValue"/> straight from the UTF-8 of a plan value and its two mirror masks
/// (<c>after_unknown</c>, <c>before_sensitive</c>/<c>after_sensitive</c>, small documents): <c>true</c> in a mask marks
/// the whole subtree. A sensitive subtree is skipped unread, so its content cannot end up in the model.</summary>
internal sealed class MaskedValueBuilder(PlanValueFactory values)
{
    /// <summary>The attributes of the objects being built, innermost last.</summary>
    private readonly List<KeyValuePair<string, PlanValue>> _attributes = [];

    /// <summary>The items of the lists being built, nested ones after their parent's (as <see cref="_attributes"/>).</summary>
    private readonly List<PlanValue> _items = [];

    /// <summary>Builds the value in <paramref name="json"/> (empty: absent); <paramref name="only"/> keeps just those
    /// top-level attributes of an object.</summary>
    public PlanValue Build(ReadOnlySpan<byte> json, JsonElement unknown, JsonElement sensitive, IReadOnlySet<string>? only)
    {
        if (sensitive.ValueKind == JsonValueKind.True) return PlanValue.Sensitive;
        if (unknown.ValueKind == JsonValueKind.True) return PlanValue.Unknown;
        if (json.IsEmpty) return PlanValue.Null;
        var reader = new Utf8JsonReader(json, JsonLimits.ReaderOptions);
        reader.Read();
        return only is not null && reader.TokenType == JsonTokenType.StartObject
            ? BuildObject(json, ref reader, unknown, sensitive, only)
            : Build(json, ref reader, unknown, sensitive);
    }

    /// <summary>Builds an object from the wanted attributes of a value, already located (each a range of
    /// <paramref name="json"/>), as <see cref="Build(ReadOnlySpan{byte}, JsonElement, JsonElement, IReadOnlySet{string}?)"/>
    /// with <paramref name="only"/> would.</summary>
    public PlanValue BuildSelected(ReadOnlySpan<byte> json, ReadOnlySpan<(string Name, JsonRange Range)> attributes, JsonElement unknown, JsonElement sensitive, IReadOnlySet<string> only) =>
        BuildSelected(json, attributes, unknown, sensitive, only, default);

    /// <summary>As above, reusing the values of <paramref name="before"/> (the other side of the same change, built by
    /// this method from the same <paramref name="json"/>) for attributes whose text is the same on both sides and that
    /// no mask marks on either: an update changes a few attributes and repeats the rest, whose ARNs, ids and names are
    /// otherwise made twice.</summary>
    public PlanValue BuildSelected(ReadOnlySpan<byte> json, ReadOnlySpan<(string Name, JsonRange Range)> attributes, JsonElement unknown, JsonElement sensitive, IReadOnlySet<string> only, SelectedSide before)
    {
        if (sensitive.ValueKind == JsonValueKind.True) return PlanValue.Sensitive;
        if (unknown.ValueKind == JsonValueKind.True) return PlanValue.Unknown;
        var start = _attributes.Count;
        foreach (var (name, range) in attributes)
        {
            var value = range.Of(json);
            var attributeUnknown = Child(unknown, name);
            var attributeSensitive = Child(sensitive, name);
            if (before.Same(json, name, value, attributeUnknown, attributeSensitive) is { } same)
            {
                _attributes.Add(new(name, same));
                continue;
            }
            var reader = new Utf8JsonReader(value, JsonLimits.ReaderOptions);
            reader.Read();
            _attributes.Add(new(name, Build(value, ref reader, attributeUnknown, attributeSensitive)));
        }
        AddUnknownOnly(start, unknown, only);
        return PlanValueFactory.Object(_attributes, start);
    }

    /// <summary>The other side of a change, as <see cref="BuildSelected(ReadOnlySpan{byte}, ReadOnlySpan{ValueTuple{string, JsonRange}}, JsonElement, JsonElement, IReadOnlySet{string}, SelectedSide)"/>
    /// built it: its value, the ranges of its attributes and its sensitive mask (it has no unknown mask).</summary>
    internal readonly ref struct SelectedSide(PlanValue value, ReadOnlySpan<(string Name, JsonRange Range)> attributes, JsonElement sensitive)
    {
        private readonly PlanValue _value = value;
        private readonly ReadOnlySpan<(string Name, JsonRange Range)> _attributes = attributes;
        private readonly JsonElement _sensitive = sensitive;

        /// <summary>The value this side has for <paramref name="name"/> when it was built from the same text
        /// <paramref name="text"/> with no mask on either side, so that building it again would give an equal value.</summary>
        public PlanValue? Same(ReadOnlySpan<byte> json, string name, ReadOnlySpan<byte> text, JsonElement unknown, JsonElement sensitive)
        {
            if (_value is not PlanObject o || !IsEmptyMask(unknown) || !IsEmptyMask(sensitive)) return null;
            // A name given twice keeps its last value (PlanPropertyDictionary): compare with the last one.
            for (var i = _attributes.Length - 1; i >= 0; i--)
            {
                if (!string.Equals(_attributes[i].Name, name, StringComparison.Ordinal)) continue;
                return IsEmptyMask(Child(_sensitive, name)) && _attributes[i].Range.Of(json).SequenceEqual(text) &&
                       o.Properties.TryGetValue(name, out var v) ? v : null;
            }
            return null;
        }
    }

    /// <summary>Builds the value whose first token the reader is on, leaving the reader on its last token.</summary>
    private PlanValue Build(ReadOnlySpan<byte> json, ref Utf8JsonReader reader, JsonElement unknown, JsonElement sensitive)
    {
        if (sensitive.ValueKind == JsonValueKind.True)
        {
            reader.Skip();
            return PlanValue.Sensitive;
        }
        if (unknown.ValueKind == JsonValueKind.True)
        {
            reader.Skip();
            return PlanValue.Unknown;
        }
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject or JsonTokenType.StartArray when IsEmptyMask(unknown) && IsEmptyMask(sensitive):
                return Shared(json, ref reader);
            case JsonTokenType.StartObject:
                return BuildObject(json, ref reader, unknown, sensitive, null);
            case JsonTokenType.StartArray:
                return BuildArray(json, ref reader, unknown, sensitive);
            default:
                return values.Scalar(ref reader);
        }
    }

    /// <summary>A container with no unknown or sensitive part: small ones are shared between resources.</summary>
    private PlanValue Shared(ReadOnlySpan<byte> json, ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        var length = JsonContainer.LengthWithin(json[start..], RawValueCache.MaxRawLength);
        if (length < 0)
            return reader.TokenType == JsonTokenType.StartObject ? BuildObject(json, ref reader, default, default, null) : BuildArray(json, ref reader, default, default);
        var raw = json.Slice(start, length);
        if (values.Containers.TryGet(raw, out var shared))
        {
            reader.Skip();
            return shared;
        }
        var built = reader.TokenType == JsonTokenType.StartObject ? BuildObject(json, ref reader, default, default, null) : BuildArray(json, ref reader, default, default);
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

    private PlanValue BuildObject(ReadOnlySpan<byte> json, ref Utf8JsonReader reader, JsonElement unknown, JsonElement sensitive, IReadOnlySet<string>? only)
    {
        var start = _attributes.Count;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = values.Names.Intern(ref reader);
            reader.Read();
            if (only is not null && !only.Contains(name))
            {
                reader.Skip();
                continue;
            }
            var value = Build(json, ref reader, Child(unknown, name), Child(sensitive, name));
            _attributes.Add(new(name, value));
        }
        AddUnknownOnly(start, unknown, only);
        return PlanValueFactory.Object(_attributes, start);
    }

    /// <summary>Terraform leaves unknown attributes out of "after" and lists them only in after_unknown.</summary>
    private void AddUnknownOnly(int start, JsonElement unknown, IReadOnlySet<string>? only)
    {
        if (unknown.ValueKind != JsonValueKind.Object) return;
        var end = _attributes.Count;
        foreach (var u in unknown.EnumerateObject())
        {
            if (u.Value.ValueKind != JsonValueKind.True) continue;
            // The name looked up by its bytes: a plan of many creates lists the same few unknown attributes many times.
            var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(u);
            var name = raw.IndexOf((byte)'\\') < 0 ? values.Names.Intern(raw) : values.Names.Intern(u.Name);
            if (!Has(start, end, name) && (only is null || only.Contains(name))) _attributes.Add(new(name, PlanValue.Unknown));
        }
    }

    private bool Has(int start, int end, string name)
    {
        for (var i = start; i < end; i++)
            if (_attributes[i].Key == name) return true;
        return false;
    }

    private PlanValue BuildArray(ReadOnlySpan<byte> json, ref Utf8JsonReader reader, JsonElement unknown, JsonElement sensitive)
    {
        var start = _items.Count;
        var items = _items;
        var i = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(Build(json, ref reader, Item(unknown, i), Item(sensitive, i)));
            i++;
        }
        if (unknown.ValueKind == JsonValueKind.Array)
        {
            var unknownLength = unknown.GetArrayLength();
            for (; i < unknownLength; i++)
                items.Add(unknown[i].ValueKind == JsonValueKind.True ? PlanValue.Unknown : PlanValue.Null);
        }
        return PlanValueFactory.List(items, start);
    }

    private static JsonElement Child(JsonElement mask, string name) =>
        mask.ValueKind == JsonValueKind.Object && mask.TryGetProperty(name, out var child) ? child : default;

    private static JsonElement Item(JsonElement mask, int index) =>
        mask.ValueKind == JsonValueKind.Array && index < mask.GetArrayLength() ? mask[index] : default;
}
