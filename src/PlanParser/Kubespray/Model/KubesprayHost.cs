using System.Collections.Immutable;

namespace Kalc.Iac.PlanParser.Kubespray.Model;

/// <summary>One inventory host: every group it belongs to (transitively, with <c>all</c>) and its effective variables.</summary>
public sealed record KubesprayHost
{
    public required string Name { get; init; }

    public required ImmutableArray<string> Groups { get; init; }

    public required ImmutableDictionary<string, EffectiveValue> Variables { get; init; }

    /// <summary>The variables that come from the inventory only (group and host vars, no role defaults, no -e):
    /// what <c>ansible-inventory --list</c> prints for the host.</summary>
    public required ImmutableDictionary<string, EffectiveValue> InventoryVariables { get; init; }

    public EffectiveValue? this[string variable] => Variables.GetValueOrDefault(variable);
}
