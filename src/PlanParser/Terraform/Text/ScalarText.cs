using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Text;

/// <summary>One value as the text plan prints it on a single line: a quoted string, number, bool, null,
/// <c>(known after apply)</c>, <c>(sensitive value)</c>, <c>[]</c>, <c>{}</c>.</summary>
internal static partial class ScalarText
{
    [GeneratedRegex(@"^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$")]
    private static partial Regex Number();

    public static PlanValue Parse(string text)
    {
        var s = text.Trim();
        switch (s)
        {
            case "(known after apply)" or "<computed>": return PlanValue.Unknown;
            case "(sensitive value)" or "(sensitive)" or "<sensitive>": return PlanValue.Sensitive;
            // Write-only attributes (Terraform 1.11+, OpenTofu 1.10+, renderers/write_only.go) are never stored:
            // plan JSON holds null for them, and the sensitive ones are masked.
            case "(write-only attribute)": return PlanValue.Null;
            case "(sensitive, write-only attribute)": return PlanValue.Sensitive;
            case "null": return PlanValue.Null;
            case "true": return new PlanBool(true);
            case "false": return new PlanBool(false);
            case "[]": return new PlanList([]);
            case "{}": return PlanObject.Empty;
        }
        if (s.Length >= 2 && s[0] == '"' && s[^1] == '"') return new PlanString(Unquote(s));
        if (Number().IsMatch(s)) return new PlanNumber(s);
        return new PlanString(s);
    }

    /// <summary>Undoes Go's %q quoting and HCL's template escapes (<c>$${</c>, <c>%%{</c>).</summary>
    public static string Unquote(string quoted)
    {
        var sb = new StringBuilder(quoted.Length);
        for (var i = 1; i < quoted.Length - 1; i++)
        {
            var c = quoted[i];
            if (c == '$' && i + 2 < quoted.Length - 1 && quoted[i + 1] == '$' && quoted[i + 2] == '{') { sb.Append("${"); i += 2; continue; }
            if (c == '%' && i + 2 < quoted.Length - 1 && quoted[i + 1] == '%' && quoted[i + 2] == '{') { sb.Append("%{"); i += 2; continue; }
            if (c != '\\' || i + 1 >= quoted.Length - 1) { sb.Append(c); continue; }
            var e = quoted[++i];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'u' when i + 4 < quoted.Length - 1 && TryHex(quoted.AsSpan(i + 1, 4), out var u):
                    sb.Append((char)u); i += 4; break;
                case 'U' when i + 8 < quoted.Length - 1 && TryHex(quoted.AsSpan(i + 1, 8), out var big) && big <= 0x10FFFF:
                    sb.Append(char.ConvertFromUtf32(big)); i += 8; break;
                case 'x' when i + 2 < quoted.Length - 1 && TryHex(quoted.AsSpan(i + 1, 2), out var x):
                    sb.Append((char)x); i += 2; break;
                default: sb.Append(e); break;
            }
        }
        return sb.ToString();
    }

    private static bool TryHex(ReadOnlySpan<char> digits, out int value) =>
        int.TryParse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value);

    /// <summary>Index of <paramref name="token"/> outside quotes (and, unless told otherwise, outside brackets), or -1.</summary>
    public static int IndexOutside(string s, string token, bool countBrackets = true)
    {
        var depth = 0;
        var inString = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            switch (c)
            {
                case '"': inString = true; continue;
                case '(' or '[' or '{': depth++; continue;
                case ')' or ']' or '}': depth--; continue;
            }
            if ((depth == 0 || !countBrackets) && string.CompareOrdinal(s, i, token, 0, token.Length) == 0) return i;
        }
        return -1;
    }

    /// <summary>Splits off a trailing <c># comment</c>; returns the value part and whether the comment says "forces replacement".</summary>
    public static (string Value, bool ForcesReplacement) WithoutComment(string s)
    {
        var hash = IndexOutside(s, " #", countBrackets: false);
        if (hash < 0) return (s.TrimEnd(), false);
        // "# forces replacement", and "# whitespace changes force replacement" after a jsonencode( (renderers/primitive.go).
        var comment = s[hash..];
        return (s[..hash].TrimEnd(), comment.Contains("forces replacement", StringComparison.Ordinal) || comment.Contains("force replacement", StringComparison.Ordinal));
    }

    /// <summary>"old -> new" into its two sides; no arrow gives (s, null).</summary>
    public static (string Left, string? Right) SplitArrow(string s)
    {
        var arrow = IndexOutside(s, " -> ");
        return arrow < 0 ? (s, null) : (s[..arrow], s[(arrow + 4)..]);
    }
}
