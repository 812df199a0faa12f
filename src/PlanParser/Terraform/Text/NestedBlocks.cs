using System.Collections.Immutable;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Text;

/// <summary>The nested blocks of one side of a body, by block type, as plan JSON holds them: list and set
/// blocks (<c>NAME {</c> repeated) as a list of objects, map blocks (<c>NAME "KEY" {</c>) as an object by key.
/// A block printed as "At least one attribute in this block is (or was) sensitive" is a sensitive element: the
/// text prints a sensitive instance (after_sensitive <c>[true]</c>) and a sensitive block type (<c>true</c>) alike
/// (differ/block.go checkForSensitiveBlock, renderers/block.go), and the element is the narrower claim.</summary>
internal sealed class NestedBlocks
{
    private readonly Dictionary<string, List<PlanValue>> lists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImmutableDictionary<string, PlanValue>.Builder> maps = new(StringComparer.Ordinal);
    private readonly List<string> order = [];

    public void Add(string name, string? label, PlanValue value)
    {
        if (!lists.ContainsKey(name) && !maps.ContainsKey(name)) order.Add(name);
        if (label is null)
        {
            if (!lists.TryGetValue(name, out var list)) lists[name] = list = [];
            list.Add(value);
            return;
        }
        if (!maps.TryGetValue(name, out var map)) maps[name] = map = ImmutableDictionary.CreateBuilder<string, PlanValue>(StringComparer.Ordinal);
        map[label] = value;
    }

    public void WriteTo(ImmutableDictionary<string, PlanValue>.Builder side)
    {
        foreach (var name in order)
        {
            side[name] = maps.TryGetValue(name, out var map) ? new PlanObject(map.ToImmutable()) : new PlanList([.. lists[name]]);
        }
    }
}
