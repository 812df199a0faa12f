using System.Collections.Concurrent;

namespace Kalc.Iac.Core;

/// <summary>The names of a small immutable map, sorted by ordinal and shared: the maps of a large plan or state have the
/// same few sets of names over and over (every aws_instance's attributes, every instance's tag keys), so a map keeps an
/// array of its values and the names array of its shape, one per distinct set of names in the process. Used by
/// <see cref="SortedNameDictionary{TValue}"/> and the plan's objects.</summary>
public static class SortedNames
{
    private const int ScanUpTo = 8;

    /// <summary>Maps with more names than this keep their own names array (a map of that size is rarely repeated).</summary>
    private const int MaxSharedNames = 64;

    /// <summary>The distinct shapes kept; past this, a new shape's names are not shared (maps keyed by data, such as a
    /// map of instance ids, each have their own).</summary>
    private const int MaxShapes = 16 * 1024;

    private static readonly ConcurrentDictionary<string[], string[]> Shapes = new(ShapeComparer.Instance);
    private static int _shapes;

    /// <summary>This thread's scratch for the names being looked up.</summary>
    [ThreadStatic]
    private static string[]? Scratch;

    /// <summary>The index of <paramref name="key"/> in <paramref name="names"/> (sorted, distinct), or -1: a scan of a few
    /// names, a binary search of more.</summary>
    public static int IndexOf(string[] names, string key)
    {
        if (names.Length <= ScanUpTo)
        {
            for (var i = 0; i < names.Length; i++)
                if (string.Equals(names[i], key, StringComparison.Ordinal)) return i;
            return -1;
        }
        int lo = 0, hi = names.Length - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var c = string.CompareOrdinal(names[mid], key);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return -1;
    }

    /// <summary>The names of <paramref name="sortedDistinct"/> as an array shared with every other map of the same names.</summary>
    public static string[] Of<T>(ReadOnlySpan<KeyValuePair<string, T>> sortedDistinct)
    {
        var count = sortedDistinct.Length;
        if (count == 0) return [];
        var names = (Scratch ??= new string[MaxSharedNames]).AsSpan(0, Math.Min(count, MaxSharedNames));
        if (count > MaxSharedNames)
        {
            var own = new string[count];
            for (var i = 0; i < count; i++) own[i] = sortedDistinct[i].Key;
            return own;
        }
        for (var i = 0; i < count; i++) names[i] = sortedDistinct[i].Key;
        var lookup = Shapes.GetAlternateLookup<ReadOnlySpan<string>>();
        if (lookup.TryGetValue(names, out var shared)) return shared;
        var made = names.ToArray();
        if (Volatile.Read(ref _shapes) >= MaxShapes) return made;
        if (Shapes.TryAdd(made, made))
        {
            Interlocked.Increment(ref _shapes);
            return made;
        }
        // Another thread added the same shape first.
        return Shapes.TryGetValue(made, out var first) ? first : made;
    }

    /// <summary>A map's two arrays from its entries in any order: the values in name order, each name once with its last
    /// value (as in JSON), and the shared names array of its shape (<see cref="Of{T}"/>).</summary>
    public static (string[] Names, T[] Values) Split<T>(ReadOnlySpan<KeyValuePair<string, T>> entries)
    {
        ReadOnlySpan<KeyValuePair<string, T>> sorted = AreSortedDistinct(entries) ? entries : SortDistinct(entries);
        var values = new T[sorted.Length];
        for (var i = 0; i < sorted.Length; i++) values[i] = sorted[i].Value;
        return (Of(sorted), values);
    }

    /// <summary>True when the names are in ordinal order, each once.</summary>
    public static bool AreSortedDistinct<T>(ReadOnlySpan<KeyValuePair<string, T>> entries)
    {
        for (var i = 1; i < entries.Length; i++)
            if (string.CompareOrdinal(entries[i - 1].Key, entries[i].Key) >= 0) return false;
        return true;
    }

    /// <summary>A copy of <paramref name="entries"/> sorted by name, each name once with its last value (as in JSON).</summary>
    public static KeyValuePair<string, T>[] SortDistinct<T>(ReadOnlySpan<KeyValuePair<string, T>> entries)
    {
        var sorted = entries.ToArray();
        if (AreSortedDistinct<T>(sorted)) return sorted;
        SortStable(sorted);
        var kept = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (kept > 0 && sorted[kept - 1].Key == sorted[i].Key) sorted[kept - 1] = sorted[i];
            else sorted[kept++] = sorted[i];
        }
        return kept < sorted.Length ? sorted[..kept] : sorted;
    }

    /// <summary>Sorts by name, keeping equal names in their order: the later one ends last, and is the one kept.</summary>
    private static void SortStable<T>(KeyValuePair<string, T>[] entries)
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

    /// <summary>Name arrays compared by their names, in order; looked up by a span of names without making the array.</summary>
    private sealed class ShapeComparer : IEqualityComparer<string[]>, IAlternateEqualityComparer<ReadOnlySpan<string>, string[]>
    {
        public static readonly ShapeComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && Equals(x.AsSpan(), y);

        public int GetHashCode(string[] names) => GetHashCode((ReadOnlySpan<string>)names);

        public bool Equals(ReadOnlySpan<string> alternate, string[] other)
        {
            if (alternate.Length != other.Length) return false;
            for (var i = 0; i < alternate.Length; i++)
                if (!string.Equals(alternate[i], other[i], StringComparison.Ordinal)) return false;
            return true;
        }

        public int GetHashCode(ReadOnlySpan<string> alternate)
        {
            var hash = new HashCode();
            foreach (var name in alternate) hash.Add(name, StringComparer.Ordinal);
            return hash.ToHashCode();
        }

        public string[] Create(ReadOnlySpan<string> alternate) => alternate.ToArray();
    }
}
