using System.Collections.Immutable;

namespace Kalc.Iac.AwsModel.Iam;

/// <summary>Every policy that governs what one IAM principal (a role) may do in its own account:
/// identity policies (inline + managed), an optional permissions boundary, and guardrails (SCP-like
/// policies that must each allow the request).
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html</summary>
public sealed record PrincipalPolicies
{
    public static readonly PrincipalPolicies None = new();

    public ImmutableArray<NamedPolicy> Identity { get; init; } = [];

    public NamedPolicy? PermissionsBoundary { get; init; }

    public ImmutableArray<NamedPolicy> Guardrails { get; init; } = [];

    /// <summary>Reasons some policy could not be read (an attached managed policy missing from the state,
    /// a document that does not parse); any of these makes an answer that would be ImplicitDeny or
    /// Allow Unknown instead, since the missing policy could allow or deny.</summary>
    public ImmutableArray<string> Missing { get; init; } = [];

    /// <summary>True when the permissions boundary is attached but its document is missing.</summary>
    public bool BoundaryMissing { get; init; }
}
