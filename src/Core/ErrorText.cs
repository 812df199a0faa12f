using System.Globalization;
using System.Text;

namespace Kalc.Iac.Core;

/// <summary>What an error line may show of its input. An error goes to a terminal or a CI log that anyone with access to
/// the repository reads, so an excerpt of the input is short, escaped (control characters, terminal escapes and bidi
/// overrides become visible <c>\x1B</c>/<c>\u202E</c>, so nothing in an error can move the cursor or reorder a line)
/// and bounded. Readers never quote the inside of a string value (where a secret may be); names (keys, addresses) they
/// may quote through <see cref="Excerpt"/>.</summary>
public static class ErrorText
{
    /// <summary>The longest excerpt of the input an error quotes.</summary>
    public const int MaxExcerpt = 40;

    /// <summary>The longest error line (file name included); longer lines are cut.</summary>
    public const int MaxLine = 400;

    /// <summary>A short, escaped excerpt of <paramref name="text"/>, cut at <paramref name="max"/> characters.</summary>
    public static string Excerpt(string? text, int max = MaxExcerpt)
    {
        if (string.IsNullOrEmpty(text)) return "";
        return Bound(Escape(text.Length > max * 8 ? text[..(max * 8)] : text), max);
    }

    /// <summary>A whole error line made safe to print: escaped, on one line, at most <see cref="MaxLine"/> characters.</summary>
    public static string Line(string text) => Bound(Escape(text), MaxLine);

    /// <summary>Control characters (line breaks included), bidi controls and lone surrogates written as escapes.</summary>
    public static string Escape(string text)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var unsafeChar = !pair && (char.IsControl(c) || IsBidiControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\uFEFF');
            if (!unsafeChar && sb is null)
            {
                if (pair) i++;
                continue;
            }
            sb ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            if (pair)
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (!unsafeChar)
            {
                sb.Append(c);
            }
            else
            {
                sb.Append(c switch
                {
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    < '\u0100' => "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture),
                    // A file-name byte that is not UTF-8 (FileNameBytes): shown as the byte.
                    >= '\uDC80' and <= '\uDCFF' => "\\x" + (c - '\uDC00').ToString("X2", CultureInfo.InvariantCulture),
                    _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                });
            }
        }
        return sb?.ToString() ?? text;
    }

    /// <summary>Trojan-source style reordering: LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI, LRM/RLM/ALM.</summary>
    public static bool IsBidiControl(char c) =>
        c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    /// <summary>Cuts <paramref name="text"/> to <paramref name="max"/> characters (not inside an escape or a surrogate
    /// pair), marking the cut with "...".</summary>
    private static string Bound(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = max - 3;
        if (char.IsLowSurrogate(text[cut])) cut--;
        // Do not leave half of a \xHH or \uHHHH escape.
        var slash = text.LastIndexOf('\\', cut - 1, Math.Min(cut, 6));
        if (slash >= 0 && slash + EscapeLength(text, slash) > cut) cut = slash;
        return text[..cut] + "...";
    }

    private static int EscapeLength(string text, int slash) =>
        slash + 1 < text.Length ? text[slash + 1] switch { 'x' => 4, 'u' => 6, _ => 2 } : 1;
}
