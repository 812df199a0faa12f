using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Json;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Json;

/// <summary>Maps one element of <c>resource_changes</c> or <c>resource_drift</c>
/// (https://developer.hashicorp.com/terraform/internals/json-format#resource_changes), given as its UTF-8 text, onto a
/// <see cref="ResourceChange"/>. One pass over the element's fields; the before/after values are kept as byte ranges and
/// built only for the resource types and attributes in the <see cref="ValueScope"/>.</summary>
internal sealed class ResourceChangeElement(PlanValueFactory values, ValueScope scope)
{
    private readonly MaskedValueBuilder _builder = new(values);

    /// <summary>Where the wanted attributes of before/after lie, for the element being read (one reader per thread).</summary>
    private readonly List<(string Name, JsonRange Range)> _attributes = [];

    /// <summary>The wanted attributes of each type, as UTF-8 to match property names against.</summary>
    private readonly Dictionary<string, Utf8NameSet?> _wanted = new(StringComparer.Ordinal);

    /// <summary>Reads element <paramref name="index"/> (on <paramref name="line"/>) of the array <paramref name="elements"/> names.</summary>
    public ResourceChange Read(ReadOnlyMemory<byte> element, SourceRef elements, int line, int index)
    {
        // The element's own source only for an error: the change keeps the array's and its place in it.
        string Where() => elements.ElementAt(line, index).Path!;
        var json = element.Span;
        _attributes.Clear();
        var reader = new Utf8JsonReader(json, JsonLimits.ReaderOptions);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new InputException($"{Where()}: expected an object, found {KindOf(reader.TokenType)}");

        string? address = null, previousAddress = null, module = null, mode = null, type = null, name = null;
        string? instanceKey = null, provider = null, reason = null, deposed = null;
        var change = default(ChangeFields);
        var sawChange = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("address"u8)) address = StringValue(ref reader);
            else if (reader.ValueTextEquals("type"u8)) type = InternedValue(ref reader);
            else if (reader.ValueTextEquals("name"u8)) name = InternedValue(ref reader);
            else if (reader.ValueTextEquals("mode"u8)) mode = InternedValue(ref reader);
            else if (reader.ValueTextEquals("module_address"u8)) module = InternedValue(ref reader);
            else if (reader.ValueTextEquals("previous_address"u8)) previousAddress = StringValue(ref reader);
            else if (reader.ValueTextEquals("index"u8)) instanceKey = IndexValue(ref reader, json);
            else if (reader.ValueTextEquals("provider_name"u8)) provider = InternedValue(ref reader);
            else if (reader.ValueTextEquals("action_reason"u8)) reason = InternedValue(ref reader);
            else if (reader.ValueTextEquals("deposed"u8)) deposed = StringValue(ref reader);
            else if (reader.ValueTextEquals("change"u8))
            {
                reader.Read();
                sawChange = reader.TokenType == JsonTokenType.StartObject;
                if (sawChange) change = ChangeFields.Read(ref reader, type is null ? null : WantedOf(type), _attributes, values.Names);
                else reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (type is null) throw new InputException($"{Where()}: missing \"type\"");
        if (name is null) throw new InputException($"{Where()}: missing \"name\"");
        address ??= AddressFromParts(module, mode, type, name, instanceKey);
        if (!sawChange) throw new InputException($"{Where()} ({address}): no change object");
        if (change.Actions is null) throw new InputException($"{Where()} ({address}): change.actions is missing or empty");
        var actions = PlanActions.Parse(json, change.Actions.Value, elements, line, index, address);

        var withValues = scope.Includes(type);
        var only = scope.AttributesOf(type);
        var (beforeValue, afterValue) = withValues ? Values(element, change, only) : (PlanValue.Null, PlanValue.Null);

        return new ResourceChange
        {
            Address = address,
            PreviousAddress = previousAddress,
            ModuleAddress = module,
            Mode = mode ?? "managed",
            Type = type,
            Name = name,
            Index = instanceKey,
            ProviderName = provider,
            Actions = actions,
            ReplaceOrder = PlanActions.OrderOf(actions),
            ActionReason = reason,
            Deposed = deposed,
            Importing = change.Importing,
            Before = beforeValue,
            After = afterValue,
            ValuesComplete = withValues && only is null,
            ReplacePaths = change.ReplacePaths,
            Source = elements,
            SourceElement = (line, index),
        };
    }

    private (PlanValue Before, PlanValue After) Values(ReadOnlyMemory<byte> element, ChangeFields change, IReadOnlySet<string>? only)
    {
        var json = element.Span;
        using var afterUnknown = Mask.Of(element, change.AfterUnknown);
        using var beforeSensitive = Mask.Of(element, change.BeforeSensitive);
        using var afterSensitive = Mask.Of(element, change.AfterSensitive);
        var before = change.BeforeAttributes is { } b
            ? _builder.BuildSelected(json, CollectionsMarshal.AsSpan(_attributes).Slice(b.Start, b.Length), default, beforeSensitive.Element, only!)
            : _builder.Build(change.Before.Of(json), default, beforeSensitive.Element, only);
        // No-op changes repeat the same object twice; sharing it halves the memory of a mostly unchanged plan.
        var same = !change.Before.IsEmpty && Mask.IsEmpty(afterUnknown.Element) &&
                   change.Before.Of(json).SequenceEqual(change.After.Of(json)) &&
                   change.BeforeSensitive.Of(json).SequenceEqual(change.AfterSensitive.Of(json));
        var after = same ? before
            : change.AfterAttributes is { } a ? _builder.BuildSelected(json, CollectionsMarshal.AsSpan(_attributes).Slice(a.Start, a.Length), afterUnknown.Element, afterSensitive.Element, only!,
                change.BeforeAttributes is { } pb ? new(before, CollectionsMarshal.AsSpan(_attributes).Slice(pb.Start, pb.Length), beforeSensitive.Element) : default)
            : _builder.Build(change.After.Of(json), afterUnknown.Element, afterSensitive.Element, only);
        return (before, after);
    }

    private Utf8NameSet? WantedOf(string type)
    {
        if (!_wanted.TryGetValue(type, out var wanted))
            _wanted[type] = wanted = scope.Includes(type) && scope.AttributesOf(type) is { } only ? new Utf8NameSet(only) : null;
        return wanted;
    }

    private string? InternedValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String) return values.Names.Intern(ref reader);
        reader.Skip();
        return null;
    }

    private static string? StringValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String) return reader.GetString();
        reader.Skip();
        return null;
    }

    /// <summary>The instance key (count index or for_each key), shared: a large plan repeats a few keys many times.</summary>
    private string? IndexValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return values.Names.Intern(reader.ValueSpan);
            case JsonTokenType.String when !reader.ValueIsEscaped && !reader.HasValueSequence:
                // Without escapes the key holds no quote or backslash: quoted as in an address, it is its JSON token.
                return values.Names.Intern(json.Slice((int)reader.TokenStartIndex, reader.ValueSpan.Length + 2));
            case JsonTokenType.String:
                // As Terraform prints the key inside an address: quoted, with backslash and quote escaped.
                return values.Names.Intern("\"" + reader.GetString()!.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"");
            default:
                reader.Skip();
                return null;
        }
    }

    /// <summary>Terraform 1.0.0 wrote resource_drift entries without "address"; rebuild it from its parts.</summary>
    private static string AddressFromParts(string? module, string? mode, string type, string name, string? index)
    {
        var prefix = module is null ? "" : module + ".";
        var data = mode == "data" ? "data." : "";
        var key = index is null ? "" : "[" + index + "]";
        return $"{prefix}{data}{type}.{name}{key}";
    }

    /// <summary>A token's kind as an error names it ("String", "Number", "Array"...).</summary>
    internal static string KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => nameof(JsonValueKind.Array),
        JsonTokenType.String => nameof(JsonValueKind.String),
        JsonTokenType.Number => nameof(JsonValueKind.Number),
        JsonTokenType.True => nameof(JsonValueKind.True),
        JsonTokenType.False => nameof(JsonValueKind.False),
        JsonTokenType.Null => nameof(JsonValueKind.Null),
        _ => token.ToString(),
    };

    /// <summary>Where in the element each part of its <c>change</c> object lies; values are built from these ranges
    /// once the resource type is known.</summary>
    private struct ChangeFields
    {
        public JsonRange? Actions;
        public JsonRange Before, After, AfterUnknown, BeforeSensitive, AfterSensitive;

        /// <summary>When only some attributes are wanted and the type was known before the change object: which entries of
        /// the reader's attribute list say where each wanted top-level attribute of before/after lies (null: the value is
        /// not an object, or all are wanted).</summary>
        public (int Start, int Length)? BeforeAttributes, AfterAttributes;
        public ImmutableArray<string> ReplacePaths;
        public bool Importing;

        /// <summary>Reads the change object the reader is on, leaving the reader on its closing brace. With
        /// <paramref name="only"/>, notes where those attributes of before/after lie as it passes them, so that building
        /// the values reads just those bytes again.</summary>
        public static ChangeFields Read(ref Utf8JsonReader reader, Utf8NameSet? only, List<(string Name, JsonRange Range)> attributes, Utf8StringPool names)
        {
            var fields = new ChangeFields { ReplacePaths = [] };
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("actions"u8)) fields.Actions = JsonRange.Skip(ref reader);
                else if (reader.ValueTextEquals("before"u8)) fields.Before = Value(ref reader, only, attributes, out fields.BeforeAttributes);
                else if (reader.ValueTextEquals("after"u8)) fields.After = Value(ref reader, only, attributes, out fields.AfterAttributes);
                else if (reader.ValueTextEquals("after_unknown"u8)) fields.AfterUnknown = JsonRange.Skip(ref reader);
                else if (reader.ValueTextEquals("before_sensitive"u8)) fields.BeforeSensitive = JsonRange.Skip(ref reader);
                else if (reader.ValueTextEquals("after_sensitive"u8)) fields.AfterSensitive = JsonRange.Skip(ref reader);
                else if (reader.ValueTextEquals("replace_paths"u8)) fields.ReplacePaths = ReplacePathsOf(ref reader, names);
                else if (reader.ValueTextEquals("importing"u8))
                {
                    reader.Read();
                    fields.Importing = reader.TokenType == JsonTokenType.StartObject;
                    reader.Skip();
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            return fields;
        }

        private static JsonRange Value(ref Utf8JsonReader reader, Utf8NameSet? only,
            List<(string Name, JsonRange Range)> attributes, out (int Start, int Length)? located)
        {
            located = null;
            if (only is null) return JsonRange.Skip(ref reader);
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                return new JsonRange(start, (int)reader.BytesConsumed - start);
            }
            var first = attributes.Count;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = only.Match(ref reader);
                var range = JsonRange.Skip(ref reader);
                if (name is not null) attributes.Add((name, range));
            }
            located = (first, attributes.Count - first);
            return new JsonRange(start, (int)reader.BytesConsumed - start);
        }

        private static ImmutableArray<string> ReplacePathsOf(ref Utf8JsonReader reader, Utf8StringPool names)
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                return [];
            }
            var builder = ImmutableArray.CreateBuilder<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                builder.Add(PathText(ref reader, names));
            return builder.DrainToImmutable();
        }

        /// <summary>A replace path is a list of steps (attribute names and indexes): ["tags","Name"] becomes <c>tags["Name"]</c>.
        /// A path of one attribute (["policy_arn"], the most common) is its name, shared through <paramref name="names"/>.</summary>
        private static string PathText(ref Utf8JsonReader reader, Utf8StringPool names)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : Encoding.UTF8.GetString(reader.ValueSpan);
                reader.Skip();
                return text;
            }
            if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray) return "";
            if (reader.TokenType != JsonTokenType.String) return Steps(ref reader, new StringBuilder(), first: true);
            var head = names.Intern(ref reader);
            if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray) return head;
            return Steps(ref reader, new StringBuilder(head), first: false);
        }

        /// <summary>Appends the step the reader is on and the ones after it, to the end of the path.</summary>
        private static string Steps(ref Utf8JsonReader reader, StringBuilder path, bool first)
        {
            do
            {
                if (reader.TokenType == JsonTokenType.Number)
                    path.Append('[').Append(Encoding.UTF8.GetString(reader.ValueSpan)).Append(']');
                else if (reader.TokenType != JsonTokenType.String)
                    reader.Skip();
                else if (first)
                    path.Append(reader.GetString());
                else if (reader.GetString() is { } s && IsIdentifier(s))
                    path.Append('.').Append(s);
                else
                    path.Append("[\"").Append(reader.GetString()).Append("\"]");
                first = false;
            }
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray);
            return path.ToString();
        }

        private static bool IsIdentifier(string s)
        {
            if (s.Length == 0 || char.IsDigit(s[0])) return false;
            foreach (var c in s)
                if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-')) return false;
            return true;
        }
    }
}
