using System.Text.Json;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary>One aws-cli output as its readers see it: the top-level object (<see cref="Root"/>) and the items of its
/// arrays (<see cref="Items"/>). A large top-level array of objects (describe-instances' Reservations, the IAM dump's
/// RoleDetailList) is left out of the root's document and each of its items is parsed on its own when a reader reaches
/// it: a 10 MB dump then never needs a 10 MB document, whose pooled metadata (tens of MB) would stay in the array pool
/// for the rest of the run. Every byte is still parsed by System.Text.Json: items no reader asked for are checked by
/// <see cref="CheckUnread"/>, and whenever a part fails, the whole file is parsed as one document so that the error
/// and its position are exactly those of a whole-file parse.</summary>
internal sealed class AwsDump : IDisposable
{
    /// <summary>Top-level arrays larger than this (bytes) are read item by item.</summary>
    public const int SplitArraysOver = 256 * 1024;

    /// <summary>An item is two levels down in the file: it may nest two levels less than a whole file.</summary>
    private static readonly JsonDocumentOptions ItemOptions = JsonLimits.DocumentOptions with { MaxDepth = JsonLimits.MaxDepth - 2 };

    private readonly ReadOnlyMemory<byte> _utf8;
    private readonly JsonDocument _root;
    private readonly Dictionary<string, List<JsonRange>> _split;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private AwsDump(ReadOnlyMemory<byte> utf8, JsonDocument root, Dictionary<string, List<JsonRange>> split)
    {
        _utf8 = utf8;
        _root = root;
        _split = split;
    }

    public JsonElement Root => _root.RootElement;

    /// <summary>The top-level arrays read item by item.</summary>
    public IReadOnlyCollection<string> SplitArrays => _split.Keys;

    /// <summary>Parses <paramref name="utf8"/> (which must stay valid until the dump is disposed), reading top-level arrays
    /// over <paramref name="splitOver"/> bytes item by item (tests give 0 to split every array they can).</summary>
    public static AwsDump Parse(ReadOnlyMemory<byte> utf8, int splitOver = SplitArraysOver)
    {
        var split = new Dictionary<string, List<JsonRange>>(StringComparer.Ordinal);
        if (TrySplit(utf8.Span, splitOver, split, out var skeleton))
        {
            try
            {
                return new AwsDump(utf8, JsonDocument.Parse(skeleton, JsonLimits.DocumentOptions), split);
            }
            catch (JsonException)
            {
                // Fall through: the whole-file parse reports the error where it is.
            }
        }
        return new AwsDump(utf8, JsonDocument.Parse(utf8, JsonLimits.DocumentOptions), []);
    }

    /// <summary>The items of the top-level array <paramref name="name"/> (none when it is absent or not an array). An
    /// item is valid only until the next one is asked for.</summary>
    public IEnumerable<JsonElement> Items(string name)
    {
        if (!_split.TryGetValue(name, out var items))
        {
            foreach (var item in Root.Arr(name)) yield return item;
            yield break;
        }
        foreach (var range in items)
        {
            using var item = ParseItem(range);
            yield return item.RootElement;
        }
        // Only an array read to its end is checked: a reader that stopped early (Any, First) left items unparsed.
        _read.Add(name);
    }

    /// <summary>Parses the items of the split arrays no reader read to the end, so that a bad one is an error as it
    /// would be in a whole-file parse.</summary>
    public void CheckUnread()
    {
        foreach (var (name, items) in _split)
        {
            if (_read.Contains(name)) continue;
            foreach (var range in items) ParseItem(range).Dispose();
        }
    }

    public void Dispose() => _root.Dispose();

    private JsonDocument ParseItem(JsonRange range)
    {
        try
        {
            return JsonDocument.Parse(_utf8.Slice(range.Start, range.Length), ItemOptions);
        }
        catch (JsonException)
        {
            // The item is not JSON, so neither is the file: its parse throws the error at its place in the file.
            JsonDocument.Parse(_utf8, JsonLimits.DocumentOptions).Dispose();
            throw;
        }
    }

    /// <summary>Finds the large top-level arrays of objects and the root object without them (their brackets kept,
    /// empty). Does not check the JSON: false (read the file whole) for anything unexpected.</summary>
    private static bool TrySplit(ReadOnlySpan<byte> json, int splitOver, Dictionary<string, List<JsonRange>> split, out byte[] skeleton)
    {
        skeleton = [];
        if (json.Length <= splitOver) return false;
        var i = JsonContainer.SkipWhitespace(json, 0);
        if (i >= json.Length || json[i] != (byte)'{') return false;
        var kept = new List<JsonRange>();
        var keptFrom = 0;
        string? key = null;
        for (i++; i < json.Length; i++)
        {
            switch (json[i])
            {
                case (byte)'"':
                    var end = JsonContainer.StringEnd(json, i);
                    if (end < 0) return false;
                    var text = json[(i + 1)..end];
                    key = text.Contains((byte)'\\') ? null : System.Text.Encoding.UTF8.GetString(text);
                    i = end;
                    break;
                case (byte)'{':
                    var length = JsonContainer.Length(json[i..]);
                    if (length < 0) return false;
                    i += length - 1;
                    break;
                case (byte)'[':
                    var items = ItemsOf(json, i, out var array);
                    if (array < 0) array = JsonContainer.Length(json[i..]);
                    if (array < 0) return false;
                    if (array > splitOver && key is not null && !split.ContainsKey(key) && items is not null)
                    {
                        split[key] = items;
                        kept.Add(new JsonRange(keptFrom, i + 1 - keptFrom));
                        keptFrom = i + array - 1;
                    }
                    i += array - 1;
                    break;
                case (byte)'}':
                    if (!json[(i + 1)..].Trim(" \t\r\n"u8).IsEmpty || split.Count == 0) return false;
                    kept.Add(new JsonRange(keptFrom, i + 1 - keptFrom));
                    skeleton = new byte[kept.Sum(k => k.Length)];
                    var at = 0;
                    foreach (var k in kept)
                    {
                        json.Slice(k.Start, k.Length).CopyTo(skeleton.AsSpan(at));
                        at += k.Length;
                    }
                    return true;
                case (byte)']':
                    return false;
            }
        }
        return false;
    }

    /// <summary>Where each item of the array opening at <paramref name="open"/> lies, when all are objects, and the
    /// array's length; null (and length -1 when it could not be told) otherwise.</summary>
    private static List<JsonRange>? ItemsOf(ReadOnlySpan<byte> json, int open, out int length)
    {
        length = -1;
        var items = new List<JsonRange>();
        var i = JsonContainer.SkipWhitespace(json, open + 1);
        if (i < json.Length && json[i] == (byte)']')
        {
            length = i + 1 - open;
            return null;
        }
        while (i < json.Length)
        {
            if (json[i] != (byte)'{') return null;
            var item = JsonContainer.Length(json[i..]);
            if (item < 0) return null;
            items.Add(new JsonRange(i, item));
            i = JsonContainer.SkipWhitespace(json, i + item);
            if (i < json.Length && json[i] == (byte)']')
            {
                length = i + 1 - open;
                return items;
            }
            if (i >= json.Length || json[i] != (byte)',') return null;
            i = JsonContainer.SkipWhitespace(json, i + 1);
        }
        return null;
    }

    private readonly record struct JsonRange(int Start, int Length);
}
