using System.Collections.Immutable;

namespace Kalc.Iac.Analyzers.Catalog;

/// <summary>One call a component makes: an action on a resource (pattern), with the condition keys the call carries
/// (a null value list = the key is known absent). Keys the catalog does not list are unknown to the evaluator.</summary>
public sealed record ActionRequirement
{
    public required string Action { get; init; }

    public required string Resource { get; init; }

    public ImmutableDictionary<string, ImmutableArray<string>?> Context { get; init; } = ImmutableDictionary<string, ImmutableArray<string>?>.Empty;

    /// <summary>True when the source statement has conditions the catalog could not turn into request keys (template placeholders).</summary>
    public bool ConditionsNotModelled { get; init; }

    /// <summary>The policy file (fixtures/aws/iam-policies) it was derived from.</summary>
    public required string From { get; init; }

    public bool IsEssential { get; init; }
}
