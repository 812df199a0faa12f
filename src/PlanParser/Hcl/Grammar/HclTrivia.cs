namespace Kalc.Iac.PlanParser.Hcl.Grammar;

/// <summary>Spaces and comments between tokens. Where newlines end an item (a body, an object constructor) a newline and
/// a line comment (<c>#</c>, <c>//</c>, which take their newline with them) are not trivia; a <c>/* */</c> comment always is,
/// whatever it spans (as in hclsyntax's scanner and peeker).</summary>
internal static class HclTrivia
{
    /// <summary>The offset of the next token at or after <paramref name="p"/>.</summary>
    public static int Skip(string s, int p, bool newlinesSignificant)
    {
        while (p < s.Length)
        {
            var c = s[p];
            if (c is ' ' or '\t') p++;
            else if (c == '\r')
            {
                if (newlinesSignificant && p + 1 < s.Length && s[p + 1] == '\n') return p;
                p++;
            }
            else if (c == '\n')
            {
                if (newlinesSignificant) return p;
                p++;
            }
            else if (c == '#' || (c == '/' && p + 1 < s.Length && s[p + 1] == '/'))
            {
                if (newlinesSignificant) return p;
                p = LineCommentEnd(s, p);
            }
            else if (c == '/' && p + 1 < s.Length && s[p + 1] == '*')
            {
                var end = s.IndexOf("*/", p + 2, StringComparison.Ordinal);
                if (end < 0) return p;
                p = end + 2;
            }
            else return p;
        }
        return p;
    }

    /// <summary>Where a line comment starting at <paramref name="p"/> ends, its newline included.</summary>
    public static int LineCommentEnd(string s, int p)
    {
        var nl = s.IndexOf('\n', p);
        return nl < 0 ? s.Length : nl + 1;
    }

    /// <summary>The end of the newline (or line comment) at <paramref name="p"/>, or -1 when there is none.</summary>
    public static int NewlineEnd(string s, int p)
    {
        if (p >= s.Length) return -1;
        var c = s[p];
        if (c == '\n') return p + 1;
        if (c == '\r' && p + 1 < s.Length && s[p + 1] == '\n') return p + 2;
        if (c == '#' || (c == '/' && p + 1 < s.Length && s[p + 1] == '/')) return LineCommentEnd(s, p);
        return -1;
    }
}
