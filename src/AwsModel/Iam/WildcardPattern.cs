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

    public WildcardPattern(string pattern, bool ignoreCase)
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
            (_shape, _literal) = (Shape.General, "");
        }
    }

    public string Text => _pattern;

    public bool IgnoreCase { get; }

    public bool MatchesEverything => _shape == Shape.All;

    public bool HasWildcards => _shape != Shape.Exact;

    public bool IsMatch(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return _shape switch
        {
            Shape.All => true,
            Shape.Exact => string.Equals(value, _literal, _comparison),
            Shape.Prefix => value.StartsWith(_literal, _comparison),
            _ => MatchGeneral(_pattern.AsSpan(), value.AsSpan(), IgnoreCase),
        };
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
    }
}
