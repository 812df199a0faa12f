using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Kalc.Iac.PlanParser.Model;

/// <summary>The attributes of a <see cref="PlanObject"/>: an immutable map from name to value kept as one array sorted
/// by name (ordinal). A plan of 100,000 resources holds hundreds of thousands of small objects, and this costs 16 bytes
/// an attribute where a hash-trie dictionary costs about 80; lookups are a scan of a few names or a binary search.
/// A name given twice keeps its last value, as in JSON.</summary>
public sealed class PlanPropertyDictionary : IReadOnlyDictionary<string, PlanValue>
{
    private const int ScanUpTo = 8;
    private readonly KeyValuePair<string, PlanValue>[] _entries;

    public static readonly PlanPropertyDictionary Empty = new([]);

    private PlanPropertyDictionary(KeyValuePair<string, PlanValue>[] sortedDistinct) => _entries = sortedDistinct;

    /// <summary>A map of the given attributes, in any order.</summary>
    public static PlanPropertyDictionary From(IEnumerable<KeyValuePair<string, PlanValue>> attributes) =>
        From(attributes is KeyValuePair<string, PlanValue>[] array ? array.AsSpan() : [.. attributes]);

    /// <summary>A map of the given attributes, in any order (copied).</summary>
    public static PlanPropertyDictionary From(ReadOnlySpan<KeyValuePair<string, PlanValue>> attributes)
    {
        if (attributes.IsEmpty) return Empty;
        var entries = attributes.ToArray();
        if (!IsSortedDistinct(entries))
        {
            SortStable(entries);
            var kept = 0;
            for (var i = 0; i < entries.Length; i++)
            {
                if (kept > 0 && entries[kept - 1].Key == entries[i].Key) entries[kept - 1] = entries[i];
                else entries[kept++] = entries[i];
            }
            if (kept < entries.Length) entries = entries[..kept];
        }
        return new PlanPropertyDictionary(entries);
    }

    public static implicit operator PlanPropertyDictionary(ImmutableDictionary<string, PlanValue> attributes) => From(attributes);

    public int Count => _entries.Length;

    public PlanValue this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    public IEnumerable<PlanValue> Values => _entries.Select(e => e.Value);

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out PlanValue value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? _entries[i].Value : null;
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<string, PlanValue>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, PlanValue>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        var entries = _entries;
        if (entries.Length <= ScanUpTo)
        {
            for (var i = 0; i < entries.Length; i++)
                if (string.Equals(entries[i].Key, key, StringComparison.Ordinal)) return i;
            return -1;
        }
        int lo = 0, hi = entries.Length - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var c = string.CompareOrdinal(entries[mid].Key, key);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return -1;
    }

    /// <summary>Sorts by name, keeping equal names in their order: the later one ends last, and is the one kept.</summary>
    private static void SortStable(KeyValuePair<string, PlanValue>[] entries)
    {
        if (entries.Length > 32)
        {
            var numbered = entries.Select((e, i) => (Entry: e, Index: i)).ToArray();
            Array.Sort(numbered, static (a, b) => string.CompareOrdinal(a.Entry.Key, b.Entry.Key) is var c && c != 0 ? c : a.Index.CompareTo(b.Index));
            for (var i = 0; i < entries.Length; i++) entries[i] = numbered[i].Entry;
            return;
        }
        for (var i = 1; i < entries.Length; i++)
        {
            var e = entries[i];
            var j = i - 1;
            for (; j >= 0 && string.CompareOrdinal(entries[j].Key, e.Key) > 0; j--) entries[j + 1] = entries[j];
            entries[j + 1] = e;
        }
    }

    private static bool IsSortedDistinct(KeyValuePair<string, PlanValue>[] entries)
    {
        for (var i = 1; i < entries.Length; i++)
            if (string.CompareOrdinal(entries[i - 1].Key, entries[i].Key) >= 0) return false;
        return true;
    }
}
