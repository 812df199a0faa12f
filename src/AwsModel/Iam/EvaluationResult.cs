using System.Collections.Immutable;

namespace Kalc.Iac.AwsModel.Iam;

/// <summary>A <see cref="Decision"/> with a one-line reason and the statements that decided it (the
/// denying ones for ExplicitDeny, the allowing ones for Allow, the undecided ones for Unknown).</summary>
public sealed record EvaluationResult
{
    public required Decision Decision { get; init; }

    public required string Reason { get; init; }

    public ImmutableArray<StatementRef> Statements { get; init; } = [];

    public bool IsAllowed => Decision == Decision.Allow;

    public override string ToString() => Statements.IsEmpty
        ? $"{Decision}: {Reason}"
        : $"{Decision}: {Reason} ({string.Join("; ", Statements)})";
}
