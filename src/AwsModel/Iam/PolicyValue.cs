namespace Kalc.Iac.AwsModel.Iam;

/// <summary>A pattern from a policy (a Resource ARN or a condition value) that may hold policy
/// variables. Variable-free values are compiled once; the rest are resolved per request.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html</summary>
public sealed class PolicyValue
{
    private readonly WildcardPattern? _compiled;

    public PolicyValue(string text, bool variablesEnabled, bool ignoreCase, bool arnSegments = false)
    {
        Text = text;
        IgnoreCase = ignoreCase;
        ArnSegments = arnSegments;
        HasVariables = variablesEnabled && PolicyVariables.Contains(text);
        if (!HasVariables) _compiled = new WildcardPattern(text, ignoreCase, arnSegments);
    }

    /// <summary>True for Resource/NotResource ARNs (see <see cref="WildcardPattern"/>'s ARN rule).</summary>
    public bool ArnSegments { get; }

    public string Text { get; }

    public bool IgnoreCase { get; }

    public bool HasVariables { get; }

    public bool MatchesEverything => _compiled?.MatchesEverything ?? false;

    /// <summary>The value with variables substituted; Unknown when a variable's key is unknown,
    /// False (as "no value") when the key is known to be absent and there is no default.</summary>
    public (Tri State, string? Value) Resolve(RequestContext request)
    {
        if (!HasVariables) return (Tri.True, Text);
        return PolicyVariables.Substitute(Text, request);
    }

    /// <summary>Wildcard match of <paramref name="value"/> against this pattern.</summary>
    public Tri Matches(string value, RequestContext request)
    {
        if (_compiled is not null) return TriLogic.Of(_compiled.IsMatch(value));
        var (state, resolved) = Resolve(request);
        if (state != Tri.True) return state;
        return TriLogic.Of(new WildcardPattern(resolved!, IgnoreCase, ArnSegments).IsMatch(value));
    }

    public override string ToString() => Text;
}
