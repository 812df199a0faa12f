using System.Collections.Immutable;

namespace Kalc.Iac.PlanParser.Kubespray.Model;

/// <summary>An inventory assignment that a more precedent source replaces with a different value on some hosts.</summary>
public sealed record ShadowedAssignment
{
    public required VariableAssignment Assignment { get; init; }

    public required VariableAssignment Winner { get; init; }

    public required ImmutableArray<string> Hosts { get; init; }
}
