namespace Kalc.Iac.AwsModel.Iam;

/// <summary>Whether one statement applies to a request: its action, its resource (when it has a
/// Resource element) and every condition must match.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html</summary>
public static class StatementMatch
{
    /// <summary>The statement's applicability; <paramref name="why"/> says what left it Unknown. With a
    /// <paramref name="principal"/> (trust policies) the statement must also name the caller.</summary>
    public static Tri Applies(PolicyStatement statement, RequestContext request, bool checkResource, out string? why, TrustPrincipal? principal = null)
    {
        why = null;
        if (!statement.Action.Matches(request.Action)) return Tri.False;
        var result = Tri.True;
        if (principal is not null)
        {
            result = PrincipalMatch.Names(statement.Principal, principal);
            if (result == Tri.False) return Tri.False;
            if (result == Tri.Unknown) why = "the statement has no Principal element";
        }
        if (checkResource)
        {
            if (statement.Resource is null)
            {
                if (result == Tri.True) why = "statement has no Resource or NotResource element";
                result = Tri.Unknown;
            }
            else
            {
                var r = statement.Resource.Matches(request.Resource, request);
                if (r == Tri.False) return Tri.False;
                if (r == Tri.Unknown && result == Tri.True)
                {
                    why = request.Resource is null
                        ? "the request's resource is not known"
                        : "the resource pattern uses a policy variable the request does not settle";
                }
                result = TriLogic.And(result, r);
            }
        }
        if (statement.Conditions.IsEmpty) return result;
        var c = ConditionEvaluator.EvaluateAll(statement.Conditions, request, out var conditionWhy);
        if (c == Tri.False) return Tri.False;
        if (c == Tri.Unknown && result == Tri.True) why = conditionWhy;
        return TriLogic.And(result, c);
    }
}
