using System.Collections.Immutable;

namespace Kalc.Iac.AwsModel.Iam;

/// <summary>What one set of policies (the identity policies, a boundary, one guardrail) says about a
/// request: which statements deny, allow, or might.</summary>
internal sealed class PolicySetOutcome
{
    public List<StatementRef> Denies { get; } = [];

    public List<StatementRef> MaybeDenies { get; } = [];

    public List<StatementRef> Allows { get; } = [];

    public List<StatementRef> MaybeAllows { get; } = [];

    public Tri Allowed => Allows.Count > 0 ? Tri.True : MaybeAllows.Count > 0 ? Tri.Unknown : Tri.False;

    public static PolicySetOutcome Of(IEnumerable<NamedPolicy> policies, RequestContext request, bool checkResource)
    {
        var outcome = new PolicySetOutcome();
        foreach (var policy in policies) outcome.Add(policy, request, checkResource);
        return outcome;
    }

    public void Add(NamedPolicy policy, RequestContext request, bool checkResource)
    {
        foreach (var s in policy.Document.Statements)
        {
            var applies = StatementMatch.Applies(s, request, checkResource, out var why);
            if (applies == Tri.False) continue;
            var target = (s.Effect, applies) switch
            {
                (Effect.Deny, Tri.True) => Denies,
                (Effect.Deny, _) => MaybeDenies,
                (Effect.Allow, Tri.True) => Allows,
                _ => MaybeAllows,
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
