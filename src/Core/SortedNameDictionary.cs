using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Kalc.Iac.Core;

/// <summary>An immutable map from name to value kept as an array of values in name order (ordinal) and the names array of
/// its shape, shared with every other map of the same names (<see cref="SortedNames"/>). A large plan or state holds
/// hundreds of thousands of small maps (a resource's tags), and this costs 8 bytes an entry where a hash-trie dictionary
/// such as ImmutableDictionary costs about 80; lookups are a scan of a few names or a binary search. A name given twice
/// keeps its last value, as in JSON.</summary>
public sealed class SortedNameDictionary<TValue> : IReadOnlyDictionary<string, TValue>
{
    private readonly string[] _names;
    private readonly TValue[] _values;

    public static readonly SortedNameDictionary<TValue> Empty = new([], []);

    private SortedNameDictionary(string[] names, TValue[] values) => (_names, _values) = (names, values);

    /// <summary>A map of the given entries, in any order (copied).</summary>
    public static SortedNameDictionary<TValue> From(ReadOnlySpan<KeyValuePair<string, TValue>> entries)
    {
        if (entries.IsEmpty) return Empty;
        var (names, values) = SortedNames.Split(entries);
        return new SortedNameDictionary<TValue>(names, values);
    }

    public int Count => _names.Length;

    public TValue this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException(key);

    /// <summary>The names, read-only: the array is shared with other maps.</summary>
    public IEnumerable<string> Keys => Array.AsReadOnly(_names);

    public IEnumerable<TValue> Values => Array.AsReadOnly(_values);

    public bool ContainsKey(string key) => SortedNames.IndexOf(_names, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        var i = SortedNames.IndexOf(_names, key);
        value = i >= 0 ? _values[i] : default;
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator()
    {
        for (var i = 0; i < _names.Length; i++) yield return KeyValuePair.Create(_names[i], _values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
