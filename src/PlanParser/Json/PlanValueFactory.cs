using System.Collections.Immutable;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Json;

/// <summary>Makes the leaf and container values of one read, sharing the repeated ones
/// (names, booleans, short strings, empty containers) so that a large plan stays small in memory.</summary>
internal sealed class PlanValueFactory
{
    private const int MaxSharedLength = 64;
    private const int MaxSharedStrings = 16 * 1024;
    private const int SmallPool = 1024;

    /// <summary>ASCII strings up to this many UTF-8 bytes are shared (policies included), the first
    /// <see cref="MaxSharedStrings"/> of them and at most <see cref="MaxSharedBytes"/> of text: most strings of a large
    /// plan are ids and ARNs seen once, and a larger pool holds more of those than it shares (measured on the bench plan:
    /// 256k entries allocate 6 MiB more, 4k about the same).</summary>
    private const int MaxSharedBytesEach = 4096;
    private const long MaxSharedBytes = 4L << 20;
    private static readonly PlanValue True = new PlanBool(true);
    private static readonly PlanValue False = new PlanBool(false);
    private static readonly PlanValue EmptyList = new PlanList([]);
    /// <summary>Shared strings by their text, looked up by the text or by its UTF-8 bytes (ASCII ones: ids, ARNs, names,
    /// policies).</summary>
    private readonly Dictionary<string, PlanValue> _shared = new(AsciiKeyComparer.Instance);
    private byte[] _unescaped = new byte[256];
    private long _sharedBytes;

    /// <summary>Attribute names, types and providers: a 100k-resource plan repeats the same few hundred millions of times.</summary>
    public Utf8StringPool Names { get; } = new(maxLength: 64, maxCount: 16 * 1024, clearWhenFull: false);

    public RawValueCache Containers { get; } = new();

    public static PlanValue Bool(bool value) => value ? True : False;

    public PlanValue String(string value)
    {
        if (value.Length > MaxSharedLength) return new PlanString(value);
        if (_shared.TryGetValue(value, out var shared)) return shared;
        var created = new PlanString(value);
        if (_shared.Count < MaxSharedStrings) _shared.Add(value, created);
        return created;
    }

    public static PlanValue Number(string text) => new PlanNumber(text);

    /// <summary>A JSON string, number, boolean or null as a plan value.</summary>
    public PlanValue Scalar(System.Text.Json.JsonElement value) => value.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => String(value.GetString()!),
        System.Text.Json.JsonValueKind.Number => Number(value.GetRawText()),
        System.Text.Json.JsonValueKind.True => True,
        System.Text.Json.JsonValueKind.False => False,
        _ => PlanValue.Null,
    };

    /// <summary>The string, number, boolean or null the reader is on; strings are looked up by their UTF-8 bytes, so a
    /// repeated value (a name, an ARN, the same trust policy on a thousand roles) costs no allocation.</summary>
    public PlanValue Scalar(ref System.Text.Json.Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case System.Text.Json.JsonTokenType.String:
                if (reader.HasValueSequence || reader.ValueSpan.Length > MaxSharedBytesEach) return new PlanString(reader.GetString()!);
                if (!reader.ValueIsEscaped) return Utf8String(reader.ValueSpan);
                // Escaped (JSON documents in attributes, addresses with quotes): unescaped into scratch, then looked up.
                if (_unescaped.Length < reader.ValueSpan.Length) _unescaped = new byte[Math.Max(reader.ValueSpan.Length, 2 * _unescaped.Length)];
                return Utf8String(_unescaped.AsSpan(0, reader.CopyString(_unescaped)));
            case System.Text.Json.JsonTokenType.Number:
                return Number(System.Text.Encoding.UTF8.GetString(reader.ValueSpan));
            case System.Text.Json.JsonTokenType.True:
                return True;
            case System.Text.Json.JsonTokenType.False:
                return False;
            default:
                return PlanValue.Null;
        }
    }

    private PlanValue Utf8String(ReadOnlySpan<byte> bytes)
    {
        if (_shared.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(bytes, out var shared)) return shared;
        var text = SharedText.Decode(bytes);
        PlanValue created = new PlanString(text);
        if (_shared.Count < MaxSharedStrings && _sharedBytes + bytes.Length <= MaxSharedBytes && System.Text.Ascii.IsValid(bytes))
        {
            // A large plan fills the pool: grow it to its bound at once, not by a dozen doublings (~1.5 MiB of dropped
            // tables on the bench plan), once it is clearly large; a small plan keeps a small pool.
            if (_shared.Count == SmallPool) _shared.EnsureCapacity(MaxSharedStrings);
            _shared.TryAdd(text, created);
            _sharedBytes += bytes.Length;
        }
        return created;
    }

    public static PlanValue List(ImmutableArray<PlanValue>.Builder items) =>
        items.Count == 0 ? EmptyList : new PlanList(items.DrainToImmutable());

    /// <summary>A list of the items at the end of <paramref name="scratch"/> from <paramref name="start"/> on, which are
    /// taken off it (builders of nested lists share one list as a stack), in an array of their number.</summary>
    public static PlanValue List(List<PlanValue> scratch, int start)
    {
        var count = scratch.Count - start;
        if (count == 0) return EmptyList;
        var items = new PlanValue[count];
        scratch.CopyTo(start, items, 0, count);
        scratch.RemoveRange(start, count);
        return new PlanList(System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(items));
    }

    public static PlanValue Object(ImmutableDictionary<string, PlanValue>.Builder properties) =>
        properties.Count == 0 ? PlanObject.Empty : new PlanObject(properties.ToImmutable());

    /// <summary>An object of the attributes at the end of <paramref name="scratch"/> from <paramref name="start"/> on,
    /// which are taken off it (builders of nested objects share one list as a stack).</summary>
    public static PlanValue Object(List<KeyValuePair<string, PlanValue>> scratch, int start)
    {
        if (scratch.Count == start) return PlanObject.Empty;
        var built = new PlanObject(PlanPropertyDictionary.From(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(scratch)[start..]));
        scratch.RemoveRange(start, scratch.Count - start);
        return built;
    }
}
