using System.Collections.Immutable;

namespace Kalc.Iac.AwsModel.Iam;

/// <summary>Decides whether a principal's policies allow a request within one account, following
/// AWS's evaluation logic: an explicit Deny in any policy wins; otherwise the identity policies must
/// allow, and so must the permissions boundary (when set) and every guardrail (SCP-like) policy.
/// Unknown whenever a statement that could change the answer depends on something unsettled.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html</summary>
public static class IdentityPolicyEvaluator
{
    public static EvaluationResult Evaluate(PrincipalPolicies principal, RequestContext request)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(request);
        var identity = PolicySetOutcome.Of(principal.Identity, request, checkResource: true);
        var boundary = principal.PermissionsBoundary is { } b ? PolicySetOutcome.Of([b], request, checkResource: true) : null;
        var guardrails = principal.Guardrails.Select(g => (Policy: g, Outcome: PolicySetOutcome.Of([g], request, checkResource: true))).ToList();

        var denies = PolicySetOutcome.Join(identity.Denies, boundary?.Denies ?? [], guardrails.SelectMany(g => g.Outcome.Denies));
        var what = $"{request.Action} on {request.Resource ?? "(unknown resource)"}";
        if (!denies.IsEmpty)
            return Result(Decision.ExplicitDeny, $"{what} is explicitly denied", denies);

        if (identity.Allowed == Tri.False)
        {
            return principal.Missing.IsEmpty
                ? Result(Decision.ImplicitDeny, $"no identity policy allows {what}", [])
                : Result(Decision.Unknown, $"no policy read allows {what}, but some could not be read: {string.Join("; ", principal.Missing)}", []);
        }
        if (boundary?.Allowed == Tri.False)
            return Result(Decision.ImplicitDeny, $"the permissions boundary {Name(principal.PermissionsBoundary!)} does not allow {what}", []);
        foreach (var (policy, outcome) in guardrails)
        {
            if (outcome.Allowed == Tri.False)
                return Result(Decision.ImplicitDeny, $"the guardrail policy {Name(policy)} does not allow {what}", []);
        }

        var maybeDenies = PolicySetOutcome.Join(identity.MaybeDenies, boundary?.MaybeDenies ?? [], guardrails.SelectMany(g => g.Outcome.MaybeDenies));
        if (!maybeDenies.IsEmpty)
            return Result(Decision.Unknown, $"a Deny statement may apply to {what}: {maybeDenies[0].UnknownBecause}", maybeDenies);

        var undecided = new List<StatementRef>();
        if (identity.Allowed == Tri.Unknown) undecided.AddRange(identity.MaybeAllows);
        if (boundary?.Allowed == Tri.Unknown) undecided.AddRange(boundary.MaybeAllows);
        foreach (var (_, outcome) in guardrails)
        {
            if (outcome.Allowed == Tri.Unknown) undecided.AddRange(outcome.MaybeAllows);
        }
        if (undecided.Count > 0)
            return Result(Decision.Unknown, $"whether {what} is allowed is unknown: {undecided[0].UnknownBecause}", [.. undecided]);

        if (!principal.Missing.IsEmpty || principal.BoundaryMissing)
        {
            var why = principal.BoundaryMissing ? "the permissions boundary document is not available" : string.Join("; ", principal.Missing);
            return Result(Decision.Unknown, $"{what} is allowed by the policies read, but {why}", [.. identity.Allows]);
        }
        return Result(Decision.Allow, $"{what} is allowed", [.. identity.Allows]);
    }

    private static string Name(NamedPolicy p) => p.Arn ?? p.Name;

    private static EvaluationResult Result(Decision d, string reason, ImmutableArray<StatementRef> statements) =>
        new() { Decision = d, Reason = reason, Statements = statements };
}
