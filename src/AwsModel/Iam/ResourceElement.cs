using System.Collections.Immutable;

namespace Kalc.Iac.AwsModel.Iam;

/// <summary>Resource or NotResource: ARNs match case-sensitively with <c>*</c>/<c>?</c> (a <c>*</c> inside an
/// ARN segment stays inside it); policy variables are substituted from the request.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html and
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html</summary>
public sealed record ResourceElement
{
    public ResourceElement(ImmutableArray<string> patterns, bool isNot, bool variablesEnabled)
    {
        Patterns = patterns;
        IsNot = isNot;
        Values = patterns.Select(p => new PolicyValue(p, variablesEnabled, ignoreCase: false, arnSegments: true)).ToImmutableArray();
    }

    public ImmutableArray<string> Patterns { get; }

    /// <summary>True for NotResource.</summary>
    public bool IsNot { get; }

    public ImmutableArray<PolicyValue> Values { get; }

    /// <summary>Whether the request's resource is named by the element. A null resource means "some
    /// resource we do not know": only a match-all pattern decides that.</summary>
    public Tri Matches(string? resource, RequestContext request)
    {
        var listed = Tri.False;
        foreach (var v in Values)
        {
            Tri m;
            if (resource is null)
                m = v.MatchesEverything ? Tri.True : Tri.Unknown;
            else
                m = v.Matches(resource, request);
            listed = TriLogic.Or(listed, m);
            if (listed == Tri.True) break;
        }
        return IsNot ? TriLogic.Not(listed) : listed;
    }
}
