using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Tests;

/// <summary>Whether a value read from text, which hides unchanged parts, is contained in the full value read from
/// JSON: objects by key, lists element by element in any order (hidden elements shift positions), scalars equal.</summary>
internal static class PlanValueCover
{
    public static bool Covers(PlanValue? shown, PlanValue? full) => (shown, full) switch
    {
        (null, null) => true,
        (PlanObject s, PlanObject f) => s.Properties.All(kv => f.Properties.TryGetValue(kv.Key, out var v) && Covers(kv.Value, v)),
        (PlanList s, PlanList f) => s.Items.All(item => f.Items.Any(candidate => Covers(item, candidate))),
        _ => Equals(shown, full),
    };
}
