using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Kalc.Iac.Core;

/// <summary>An immutable map from name to value kept as one array sorted by name (ordinal). A large plan or state holds
/// hundreds of thousands of small maps (a plan object's attributes, a resource's tags), and this costs 16 bytes an entry
/// where a hash-trie dictionary such as ImmutableDictionary costs about 80; lookups are a scan of a few names or a binary
/// search. A name given twice keeps its last value, as in JSON.</summary>
public class SortedNameDictionary<TValue> : IReadOnlyDictionary<string, TValue>
{
    private const int ScanUpTo = 8;
    private readonly KeyValuePair<string, TValue>[] _entries;

    public static readonly SortedNameDictionary<TValue> Empty = new([]);

    /// <summary>Takes <paramref name="sortedDistinct"/> as it is: made by <see cref="SortDistinct"/>.</summary>
    protected SortedNameDictionary(KeyValuePair<string, TValue>[] sortedDistinct) => _entries = sortedDistinct;

    /// <summary>A map of the given entries, in any order (copied).</summary>
    public static SortedNameDictionary<TValue> From(ReadOnlySpan<KeyValuePair<string, TValue>> entries) =>
        entries.IsEmpty ? Empty : new SortedNameDictionary<TValue>(SortDistinct(entries));

    /// <summary>A copy of <paramref name="entries"/> sorted by name, each name once with its last value.</summary>
    protected static KeyValuePair<string, TValue>[] SortDistinct(ReadOnlySpan<KeyValuePair<string, TValue>> entries)
    {
        var sorted = entries.ToArray();
        if (IsSortedDistinct(sorted)) return sorted;
        SortStable(sorted);
        var kept = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (kept > 0 && sorted[kept - 1].Key == sorted[i].Key) sorted[kept - 1] = sorted[i];
            else sorted[kept++] = sorted[i];
        }
        return kept < sorted.Length ? sorted[..kept] : sorted;
    }

    public int Count => _entries.Length;

    public TValue this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    public IEnumerable<TValue> Values => _entries.Select(e => e.Value);

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? _entries[i].Value : default;
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, TValue>>)_entries).GetEnumerator();

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
    private static void SortStable(KeyValuePair<string, TValue>[] entries)
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

    private static bool IsSortedDistinct(KeyValuePair<string, TValue>[] entries)
    {
        for (var i = 1; i < entries.Length; i++)
            if (string.CompareOrdinal(entries[i - 1].Key, entries[i].Key) >= 0) return false;
        return true;
    }
}
