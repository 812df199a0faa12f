using System.Collections.Immutable;

namespace Kalc.Iac.AwsModel.Iam;

/// <summary>Action or NotAction: action names match case-insensitively with <c>*</c>/<c>?</c>.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html and
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html</summary>
public sealed record ActionElement
{
    public ActionElement(ImmutableArray<string> patterns, bool isNot)
    {
        Patterns = patterns;
        IsNot = isNot;
        Compiled = patterns.Select(p => new WildcardPattern(p, ignoreCase: true)).ToImmutableArray();
        _exact = Compiled.Where(p => !p.HasWildcards).Select(p => p.Text).ToHashSet(StringComparer.OrdinalIgnoreCase);
        _wildcards = [.. Compiled.Where(p => p.HasWildcards)];
    }

    // Managed policies list dozens of exact names: a set lookup, then the few wildcard patterns.
    private readonly HashSet<string> _exact;
    private readonly WildcardPattern[] _wildcards;

    public ImmutableArray<string> Patterns { get; }

    /// <summary>True for NotAction: the statement applies to every action not listed.</summary>
    public bool IsNot { get; }

    public ImmutableArray<WildcardPattern> Compiled { get; }

    public bool Matches(string action)
    {
        var listed = _exact.Contains(action);
        for (var i = 0; !listed && i < _wildcards.Length; i++) listed = _wildcards[i].IsMatch(action);
        return listed != IsNot;
    }
}
