namespace Kalc.Iac.PlanParser.Model;

/// <summary>Which before/after values a reader materialises: per resource type, the top-level attributes needed
/// (null: all of them), and for every other type the attributes in <see cref="Others"/> (null: none). Analysis reads a
/// few attributes of a few types; building every attribute of every resource is most of the cost of a large plan. Changes
/// outside the scope are still read whole (address, type, actions, reasons) and counted; the values left out make
/// <see cref="ResourceChange.ValuesComplete"/> false.</summary>
public sealed record ValueScope(IReadOnlyDictionary<string, IReadOnlySet<string>?>? Types)
{
    public static readonly ValueScope All = new((IReadOnlyDictionary<string, IReadOnlySet<string>?>?)null);

    /// <summary>The attributes kept for a type not listed in <see cref="Types"/> (its identity, for the verdict); null keeps none.</summary>
    public IReadOnlySet<string>? Others { get; init; }

    public bool Includes(string type) => Types is null || Types.ContainsKey(type) || Others is not null;

    /// <summary>The attributes to keep for a type, or null for all.</summary>
    public IReadOnlySet<string>? AttributesOf(string type) =>
        Types is null ? null : Types.TryGetValue(type, out var a) ? a : Others;
}
