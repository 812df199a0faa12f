namespace Kalc.Iac.AwsModel.Iam;

/// <summary>An IAM glob (<c>*</c> = any run of characters, <c>?</c> = one character), compiled once:
/// exact, prefix and match-all patterns take a fast path; the rest use a linear backtracking matcher
/// (no Regex). See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html</summary>
public sealed class WildcardPattern
{
    private readonly string _pattern;
    private readonly StringComparison _comparison;
    private readonly Shape _shape;
    private readonly string _literal;

    /// <param name="arnSegments">Resource-ARN rule: a <c>*</c> that ends an ARN segment (followed by ':'
    /// or the end) may match across colons, one inside a segment may not.
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards</param>
    public WildcardPattern(string pattern, bool ignoreCase, bool arnSegments = false)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        _pattern = pattern;
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        IgnoreCase = ignoreCase;
        var firstWild = pattern.AsSpan().IndexOfAny('*', '?');
        if (pattern == "*")
        {
            (_shape, _literal) = (Shape.All, "");
        }
        else if (firstWild < 0)
        {
            (_shape, _literal) = (Shape.Exact, pattern);
        }
        else if (firstWild == pattern.Length - 1 && pattern[^1] == '*')
        {
            (_shape, _literal) = (Shape.Prefix, pattern[..^1]);
        }
        else
        {
            (_shape, _literal) = (arnSegments && HasMidSegmentStar(pattern) ? Shape.ArnSegments : Shape.General, "");
        }
    }

    public string Text => _pattern;

    public bool IgnoreCase { get; }

    public bool MatchesEverything => _shape == Shape.All;

    public bool HasWildcards => _shape != Shape.Exact;

    public bool IsMatch(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return IsMatch(value.AsSpan());
    }

    /// <summary>As <see cref="IsMatch(string)"/>, for a value put together in a buffer.</summary>
    public bool IsMatch(ReadOnlySpan<char> value) => _shape switch
    {
        Shape.All => true,
        Shape.Exact => value.Equals(_literal, _comparison),
        Shape.Prefix => value.StartsWith(_literal, _comparison),
        Shape.ArnSegments => MatchArnSegments(_pattern, value, IgnoreCase),
        _ => MatchGeneral(_pattern.AsSpan(), value, IgnoreCase),
    };

    private static bool HasMidSegmentStar(string pattern)
    {
        for (var i = 0; i < pattern.Length - 1; i++)
        {
            if (pattern[i] == '*' && pattern[i + 1] != ':' && pattern[i + 1] != '*') return true;
        }
        return false;
    }

    /// <summary>Glob matching where a mid-segment <c>*</c> cannot consume ':'. Dynamic programming over
    /// (pattern, value) prefixes; only used for the rare patterns that need it.</summary>
    public static bool MatchArnSegments(string pattern, ReadOnlySpan<char> value, bool ignoreCase)
    {
        var prev = new bool[value.Length + 1];
        var cur = new bool[value.Length + 1];
        prev[0] = true;
        for (var i = 0; i < pattern.Length; i++)
        {
            var pc = pattern[i];
            if (pc == '*')
            {
                var j0 = i + 1;
                while (j0 < pattern.Length && pattern[j0] == '*') j0++;
                var bounded = j0 < pattern.Length && pattern[j0] != ':';
                cur[0] = prev[0];
                for (var j = 1; j <= value.Length; j++)
                    cur[j] = prev[j] || (cur[j - 1] && !(bounded && value[j - 1] == ':'));
            }
            else
            {
                cur[0] = false;
                for (var j = 1; j <= value.Length; j++)
                    cur[j] = prev[j - 1] && (pc == '?' || CharEquals(pc, value[j - 1], ignoreCase));
            }
            (prev, cur) = (cur, prev);
        }
        return prev[value.Length];
    }

    /// <summary>Greedy star matching with one backtrack point: O(pattern x value) worst case, no recursion.</summary>
    public static bool MatchGeneral(ReadOnlySpan<char> pattern, ReadOnlySpan<char> value, bool ignoreCase)
    {
        int p = 0, v = 0, star = -1, mark = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && pattern[p] != '*' && (pattern[p] == '?' || CharEquals(pattern[p], value[v], ignoreCase)))
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = v;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++mark;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }

    public override string ToString() => _pattern;

    private static bool CharEquals(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));

    private enum Shape
    {
        All,
        Exact,
        Prefix,
        General,
        ArnSegments,
    }
}
