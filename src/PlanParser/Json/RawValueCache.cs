using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Json;

/// <summary>Shares one <see cref="PlanValue"/> between identical small JSON values (tags, empty blocks, common
/// nested settings), keyed by their raw UTF-8 text; lookups do not allocate. Bounded, so that a plan of unique
/// values does not pay for a cache that never hits.</summary>
internal sealed class RawValueCache
{
    public const int MaxRawLength = 256;
    private const int MaxEntries = 16 * 1024;
    private readonly Dictionary<byte[], PlanValue> _values = new(Utf8KeyComparer.Instance);

    public bool TryGet(ReadOnlySpan<byte> raw, out PlanValue value)
    {
        var lookup = _values.GetAlternateLookup<ReadOnlySpan<byte>>();
        if (lookup.TryGetValue(raw, out var found))
        {
            value = found;
            return true;
        }
        value = PlanValue.Null;
        return false;
    }

    public void Add(ReadOnlySpan<byte> raw, PlanValue value)
    {
        if (_values.Count < MaxEntries) _values.TryAdd(raw.ToArray(), value);
    }
}
