using System.Collections.Immutable;

namespace Kalc.Iac.AwsModel.Iam;

/// <summary>What one set of policies (the identity policies, a boundary, one guardrail) says about a
/// request: which statements deny, allow, or might.</summary>
internal sealed class PolicySetOutcome
{
    private static readonly List<StatementRef> None = [];

    // Allocated on first use: most statements do not apply to a given request.
    private List<StatementRef>? _denies, _maybeDenies, _allows, _maybeAllows;

    public IReadOnlyList<StatementRef> Denies => _denies ?? None;

    public IReadOnlyList<StatementRef> MaybeDenies => _maybeDenies ?? None;

    public IReadOnlyList<StatementRef> Allows => _allows ?? None;

    public IReadOnlyList<StatementRef> MaybeAllows => _maybeAllows ?? None;

    public Tri Allowed => Allows.Count > 0 ? Tri.True : MaybeAllows.Count > 0 ? Tri.Unknown : Tri.False;

    /// <summary>Identity policies check the resource; trust policies check the principal instead.</summary>
    public static PolicySetOutcome Of(IEnumerable<NamedPolicy> policies, RequestContext request, bool checkResource, TrustPrincipal? principal = null)
    {
        var outcome = new PolicySetOutcome();
        foreach (var policy in policies) outcome.Add(policy, request, checkResource, principal);
        return outcome;
    }

    private void Add(NamedPolicy policy, RequestContext request, bool checkResource, TrustPrincipal? principal)
    {
        foreach (var s in policy.Document.Statements)
        {
            var applies = StatementMatch.Applies(s, request, checkResource, out var why, principal);
            if (applies == Tri.False) continue;
            var target = (s.Effect, applies) switch
            {
                (Effect.Deny, Tri.True) => _denies ??= [],
                (Effect.Deny, _) => _maybeDenies ??= [],
                (Effect.Allow, Tri.True) => _allows ??= [],
                _ => _maybeAllows ??= [],
            };
            target.Add(new StatementRef
            {
                PolicyName = policy.Name,
                PolicyArn = policy.Arn,
                Index = s.Index,
                Sid = s.Sid,
                Effect = s.Effect,
                UnknownBecause = applies == Tri.Unknown ? why : null,
            });
        }
    }

    public static ImmutableArray<StatementRef> Join(params IEnumerable<StatementRef>[] lists) =>
        lists.SelectMany(l => l).ToImmutableArray();
}
