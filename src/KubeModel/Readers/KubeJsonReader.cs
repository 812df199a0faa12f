using System.Text.Json;
using Kalc.Iac.Core;

namespace Kalc.Iac.KubeModel.Readers;

/// <summary>Reads <c>kubectl get -o json</c> output: one or more top-level objects (or arrays of objects). A List is
/// read item by item, each item its own small <see cref="JsonDocument"/>, so a dump of a large cluster is never one
/// DOM: the list is scanned once for its kind and once more for its items.</summary>
internal static class KubeJsonReader
{
    public static void Read(ReadOnlyMemory<byte> utf8, string file, KubeStateBuilder builder)
    {
        var options = JsonLimits.ReaderOptions;
        options.AllowMultipleValues = true;
        var reader = new Utf8JsonReader(utf8.Span, options);
        var values = 0;
        while (reader.Read())
        {
            var start = (int)reader.TokenStartIndex;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    reader.Skip();
                    ReadObject(utf8[start..(int)reader.BytesConsumed], file, builder, values);
                    break;
                case JsonTokenType.StartArray:
                    reader.Skip();
                    ReadItems(utf8[start..(int)reader.BytesConsumed], SourceRef.Of(file), null, builder);
                    break;
                default:
                    throw new InputException($"a JSON {reader.TokenType.ToString().ToLowerInvariant()} at top level, not a Kubernetes object");
            }
            values++;
        }
        if (values == 0) throw new InputException("empty file, no Kubernetes objects");
    }

    private static void ReadObject(ReadOnlyMemory<byte> obj, string file, KubeStateBuilder builder, int index)
    {
        var source = SourceRef.Of(file, path: index == 0 ? null : $"[{index}]");
        var (kind, itemsAt) = ScanTopLevel(obj.Span);
        if (itemsAt is { } at && (kind is null || kind.EndsWith("List", StringComparison.Ordinal)))
        {
            builder.MarkListKindOf(kind ?? "List");
            if (ReadItems(obj[at..], source, kind, builder) == 0 && kind is null or "List")
                builder.MarkLoadedFromFileName(file);
            return;
        }
        using var doc = JsonDocument.Parse(obj, JsonLimits.DocumentOptions);
        builder.Add(doc.RootElement, source);
    }

    /// <summary>The object's "kind" and where its "items" array starts, without building anything.</summary>
    private static (string? Kind, int? ItemsAt) ScanTopLevel(ReadOnlySpan<byte> obj)
    {
        var reader = new Utf8JsonReader(obj, JsonLimits.ReaderOptions);
        reader.Read();
        string? kind = null;
        int? itemsAt = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isKind = reader.ValueTextEquals("kind"u8);
            var isItems = reader.ValueTextEquals("items"u8);
            reader.Read();
            if (isKind && reader.TokenType == JsonTokenType.String) kind = reader.GetString();
            if (isItems && reader.TokenType == JsonTokenType.StartArray) itemsAt = (int)reader.TokenStartIndex;
            reader.Skip();
        }
        return (kind, itemsAt);
    }

    /// <summary>Each element of the array starting at the beginning of <paramref name="array"/>, one document at a time.</summary>
    private static int ReadItems(ReadOnlyMemory<byte> array, SourceRef source, string? listKind, KubeStateBuilder builder)
    {
        var reader = new Utf8JsonReader(array.Span, JsonLimits.ReaderOptions);
        reader.Read();
        var i = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            using var item = JsonDocument.ParseValue(ref reader);
            builder.Add(item.RootElement, source with { Path = source.Path is null ? $"items[{i}]" : $"{source.Path}.items[{i}]" }, listKind);
            i++;
        }
        return i;
    }
}
