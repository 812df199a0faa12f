using System.Collections.Immutable;

namespace Kalc.Iac.Analyzers.Catalog;

/// <summary>Everything one component needs from AWS (requirements.json), and which of those actions are essential:
/// losing an essential action is an outage of the component, losing another one degrades a feature.</summary>
public sealed record ComponentRequirements
{
    public required string Component { get; init; }

    /// <summary>"node" (the instance profile role of the node) or "workload" (resolved from the cluster: IRSA, Pod Identity or node).</summary>
    public required string Identity { get; init; }

    public required string Note { get; init; }

    public ImmutableArray<RequirementSource> Sources { get; init; } = [];

    public ImmutableHashSet<string> Essential { get; init; } = ImmutableHashSet.Create<string>(StringComparer.OrdinalIgnoreCase);

    public ImmutableArray<ActionRequirement> Requirements { get; init; } = [];

    public string SourceUrl => Sources.IsEmpty ? "" : Sources[0].Url;
}
