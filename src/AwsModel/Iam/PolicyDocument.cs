using System.Collections.Immutable;

namespace Kalc.Iac.AwsModel.Iam;

/// <summary>A parsed IAM policy (identity, boundary, guardrail or trust policy). Immutable; patterns are
/// compiled at parse time so evaluation does no parsing. Grammar:
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html</summary>
public sealed record PolicyDocument
{
    public const string Version2012 = "2012-10-17";
    public const string Version2008 = "2008-10-17";

    /// <summary>"2012-10-17" or "2008-10-17" (the default when the element is absent).</summary>
    public required string Version { get; init; }

    public string? Id { get; init; }

    public required ImmutableArray<PolicyStatement> Statements { get; init; }

    /// <summary>Policy variables (<c>${aws:username}</c>) are only substituted in 2012-10-17 documents;
    /// in older ones they are literal text.</summary>
    public bool SupportsVariables => Version == Version2012;
}
