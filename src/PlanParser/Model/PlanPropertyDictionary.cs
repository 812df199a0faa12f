using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Kalc.Iac.Core;

namespace Kalc.Iac.PlanParser.Model;

/// <summary>The attributes of a <see cref="PlanObject"/>: an immutable map from name to value, held in the object itself as
/// an array of values in name order (ordinal) and the names array of its shape, shared with every other object of the same
/// attributes (<see cref="SortedNames"/>: a large plan's objects of one resource type have the same names). 8 bytes an
/// attribute, where a hash-trie dictionary costs about 80. A name given twice keeps its last value, as in JSON.
/// <c>default</c> is the empty map.</summary>
public readonly struct PlanPropertyDictionary : IReadOnlyDictionary<string, PlanValue>
{
    private readonly string[]? _names;
    private readonly PlanValue[]? _values;

    public static readonly PlanPropertyDictionary Empty;

    private PlanPropertyDictionary(string[] names, PlanValue[] values) => (_names, _values) = (names, values);

    /// <summary>A map of the given attributes, in any order.</summary>
    public static PlanPropertyDictionary From(IEnumerable<KeyValuePair<string, PlanValue>> attributes) =>
        From(attributes is KeyValuePair<string, PlanValue>[] array ? array.AsSpan() : [.. attributes]);

    /// <summary>A map of the given attributes, in any order (copied).</summary>
    public static PlanPropertyDictionary From(ReadOnlySpan<KeyValuePair<string, PlanValue>> attributes)
    {
        if (attributes.IsEmpty) return Empty;
        var (names, values) = SortedNames.Split(attributes);
        return new PlanPropertyDictionary(names, values);
    }

    public static implicit operator PlanPropertyDictionary(ImmutableDictionary<string, PlanValue> attributes) => From(attributes);

    private string[] Names => _names ?? [];

    public int Count => Names.Length;

    /// <summary>True when both hold the same names array: objects of one shape.</summary>
    internal bool SameNamesAs(PlanPropertyDictionary other) => ReferenceEquals(Names, other.Names);

    /// <summary>The value at <paramref name="index"/>, in name order.</summary>
    internal PlanValue ValueAt(int index) => _values![index];

    public PlanValue this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException(key);

    /// <summary>The names, read-only: the array is shared with other objects.</summary>
    public IEnumerable<string> Keys => Array.AsReadOnly(Names);

    public IEnumerable<PlanValue> Values => Array.AsReadOnly(_values ?? []);

    public bool ContainsKey(string key) => SortedNames.IndexOf(Names, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out PlanValue value)
    {
        var i = _names is null ? -1 : SortedNames.IndexOf(_names, key);
        value = i >= 0 ? _values![i] : null;
        return i >= 0;
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<string, PlanValue>> IEnumerable<KeyValuePair<string, PlanValue>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The attributes in name order, without allocating for a foreach.</summary>
    public struct Enumerator(PlanPropertyDictionary map) : IEnumerator<KeyValuePair<string, PlanValue>>
    {
        private int _index = -1;

        public readonly KeyValuePair<string, PlanValue> Current => KeyValuePair.Create(map._names![_index], map._values![_index]);

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < map.Count;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}
