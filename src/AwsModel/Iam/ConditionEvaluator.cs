using System.Collections.Immutable;
using System.Globalization;

namespace Kalc.Iac.AwsModel.Iam;

/// <summary>Evaluates Condition clauses against a request, in three-valued logic. A missing key makes
/// a positive operator false and a negated one true, except for ...IfExists, Null and ForAllValues.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html</summary>
public static class ConditionEvaluator
{
    /// <summary>AND of all clauses; <paramref name="why"/> names the first clause that is false or unknown.</summary>
    public static Tri EvaluateAll(ImmutableArray<ConditionClause> clauses, RequestContext request, out string? why)
    {
        why = null;
        var result = Tri.True;
        foreach (var c in clauses)
        {
            var r = Evaluate(c, request);
            if (r == Tri.False)
            {
                why = $"condition {c} does not hold";
                return Tri.False;
            }
            if (r == Tri.Unknown && result == Tri.True)
            {
                why = c.Operator.Base == BaseOperator.Unsupported
                    ? $"condition operator '{c.Operator.Name}' is not supported"
                    : $"condition {c} depends on '{c.Key}', which the request does not settle";
                result = Tri.Unknown;
            }
        }
        return result;
    }

    public static Tri Evaluate(ConditionClause clause, RequestContext request)
    {
        var op = clause.Operator;
        if (op.Base == BaseOperator.Unsupported) return Tri.Unknown;
        var state = request.Lookup(clause.Key, out var values);
        if (state == KeyState.Present && values.IsEmpty) state = KeyState.Absent;
        if (op.Base == BaseOperator.Null) return EvaluateNull(clause, state);
        if (state == KeyState.Unknown) return Tri.Unknown;
        if (state == KeyState.Absent)
        {
            if (op.IfExists) return Tri.True;
            return op.Set switch
            {
                SetQualifier.ForAllValues => Tri.True,
                SetQualifier.ForAnyValue => Tri.False,
                _ => TriLogic.Of(op.IsNegated),
            };
        }
        switch (op.Set)
        {
            case SetQualifier.ForAllValues:
            {
                var all = Tri.True;
                foreach (var v in values) all = TriLogic.And(all, ValueSatisfies(op, v, clause.Values, request));
                return all;
            }
            case SetQualifier.ForAnyValue:
            {
                var any = Tri.False;
                foreach (var v in values) any = TriLogic.Or(any, ValueSatisfies(op, v, clause.Values, request));
                return any;
            }
            default:
            {
                // A plain operator on a multivalued key: positive = any request value matches; negated = none does.
                var any = Tri.False;
                foreach (var v in values) any = TriLogic.Or(any, PositiveMatch(op.Base, v, clause.Values, request));
                return op.IsNegated ? TriLogic.Not(any) : any;
            }
        }
    }

    private static Tri EvaluateNull(ConditionClause clause, KeyState state)
    {
        if (state == KeyState.Unknown) return Tri.Unknown;
        var absent = state == KeyState.Absent;
        var result = Tri.False;
        foreach (var p in clause.Values)
        {
            if (bool.TryParse(p.Text, out var wantsAbsent))
                result = TriLogic.Or(result, TriLogic.Of(wantsAbsent == absent));
            else
                result = TriLogic.Or(result, Tri.Unknown);
        }
        return result;
    }

    private static Tri ValueSatisfies(ConditionOperator op, string value, ImmutableArray<PolicyValue> policy, RequestContext request)
    {
        var m = PositiveMatch(op.Base, value, policy, request);
        return op.IsNegated ? TriLogic.Not(m) : m;
    }

    /// <summary>Whether one request value matches any policy value, for the positive form of the operator.</summary>
    private static Tri PositiveMatch(BaseOperator op, string value, ImmutableArray<PolicyValue> policy, RequestContext request)
    {
        var any = Tri.False;
        foreach (var p in policy)
        {
            any = TriLogic.Or(any, MatchOne(op, value, p, request));
            if (any == Tri.True) return any;
        }
        return any;
    }

    private static Tri MatchOne(BaseOperator op, string value, PolicyValue policy, RequestContext request)
    {
        switch (op)
        {
            case BaseOperator.StringLike:
            case BaseOperator.StringNotLike:
                return policy.Matches(value, request);
            case BaseOperator.ArnEquals:
            case BaseOperator.ArnLike:
            case BaseOperator.ArnNotEquals:
            case BaseOperator.ArnNotLike:
            {
                var (s, p) = policy.Resolve(request);
                return s == Tri.True ? TriLogic.Of(ArnPattern.Matches(p!, value)) : s;
            }
        }
        var (state, literal) = policy.Resolve(request);
        if (state != Tri.True) return state;
        return op switch
        {
            BaseOperator.StringEquals or BaseOperator.StringNotEquals =>
                TriLogic.Of(string.Equals(value, literal, StringComparison.Ordinal)),
            BaseOperator.StringEqualsIgnoreCase or BaseOperator.StringNotEqualsIgnoreCase =>
                TriLogic.Of(string.Equals(value, literal, StringComparison.OrdinalIgnoreCase)),
            BaseOperator.Bool => TriLogic.Of(string.Equals(value, literal, StringComparison.OrdinalIgnoreCase)),
            _ => CompareNumbers(op, value, literal!),
        };
    }

    private static Tri CompareNumbers(BaseOperator op, string value, string literal)
    {
        if (!decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) ||
            !decimal.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var b))
            return Tri.Unknown;
        var c = a.CompareTo(b);
        return TriLogic.Of(op switch
        {
            BaseOperator.NumericEquals or BaseOperator.NumericNotEquals => c == 0,
            BaseOperator.NumericLessThan => c < 0,
            BaseOperator.NumericLessThanEquals => c <= 0,
            BaseOperator.NumericGreaterThan => c > 0,
            _ => c >= 0,
        });
    }
}
