using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.PlanParser.Model;

/// <summary>The attributes of a <see cref="PlanObject"/>: an immutable map from name to value kept as one array sorted
/// by name (<see cref="SortedNameDictionary{TValue}"/>: 16 bytes an attribute, where a hash-trie dictionary costs about 80).
/// A name given twice keeps its last value, as in JSON.</summary>
public sealed class PlanPropertyDictionary : SortedNameDictionary<PlanValue>
{
    public static new readonly PlanPropertyDictionary Empty = new([]);

    private PlanPropertyDictionary(KeyValuePair<string, PlanValue>[] sortedDistinct) : base(sortedDistinct)
    {
    }

    /// <summary>A map of the given attributes, in any order.</summary>
    public static PlanPropertyDictionary From(IEnumerable<KeyValuePair<string, PlanValue>> attributes) =>
        From(attributes is KeyValuePair<string, PlanValue>[] array ? array.AsSpan() : [.. attributes]);

    /// <summary>A map of the given attributes, in any order (copied).</summary>
    public static new PlanPropertyDictionary From(ReadOnlySpan<KeyValuePair<string, PlanValue>> attributes) =>
        attributes.IsEmpty ? Empty : new PlanPropertyDictionary(SortDistinct(attributes));

    public static implicit operator PlanPropertyDictionary(ImmutableDictionary<string, PlanValue> attributes) => From(attributes);
}
