using System.Collections.Immutable;

namespace Kalc.Iac.AwsModel.Iam;

/// <summary>One statement of a policy. <see cref="Index"/> is its 0-based position, so a finding can
/// cite it even without a Sid.</summary>
public sealed record PolicyStatement
{
    public required int Index { get; init; }

    public string? Sid { get; init; }

    public required Effect Effect { get; init; }

    /// <summary>Action or NotAction (always one of the two).</summary>
    public required ActionElement Action { get; init; }

    /// <summary>Resource or NotResource; null when the statement has neither (trust policies).</summary>
    public ResourceElement? Resource { get; init; }

    /// <summary>Principal or NotPrincipal; null in identity policies.</summary>
    public PrincipalElement? Principal { get; init; }

    /// <summary>Clauses of the Condition block, all of which must hold (empty = unconditional).</summary>
    public ImmutableArray<ConditionClause> Conditions { get; init; } = [];

    /// <summary>"statement 'Sid'" or "statement #2" (1-based for people).</summary>
    public string Label => Sid is { Length: > 0 } s ? $"statement '{s}'" : $"statement #{Index + 1}";
}
