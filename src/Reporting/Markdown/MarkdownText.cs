using System.Net;
using System.Text;

namespace Kalc.Iac.Reporting.Markdown;

/// <summary>Makes model strings inert in GitHub-flavoured Markdown: no links, emphasis, HTML, table breaks or list starts.</summary>
public static class MarkdownText
{
    private const string Special = "\\`*_[]()<>|~&#!";

    /// <summary>Escapes for Markdown text and table cells (after <see cref="SafeText.Clean"/>).</summary>
    public static string Escape(string? text)
    {
        var clean = SafeText.Clean(text);
        var sb = new StringBuilder(clean.Length + 8);
        for (var i = 0; i < clean.Length; i++)
        {
            var c = clean[i];
            // "-", "+", "=" and digits-then-"." only start a list or a heading underline at the start.
            if (Special.Contains(c) || (i == 0 && c is '-' or '+' or '=' or '.'))
                sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>A code span (addresses, files): a backtick fence longer than any run inside, so nothing in the
    /// value can close it. In a table cell pipes are escaped too, which GFM undoes inside code spans.</summary>
    public static string Code(string? text, bool inTable)
    {
        var clean = SafeText.Clean(text);
        if (clean.Length == 0) return "";
        if (inTable) clean = clean.Replace("|", "\\|");
        var longestRun = 0;
        for (int i = 0, run = 0; i < clean.Length; i++)
            longestRun = Math.Max(longestRun, run = clean[i] == '`' ? run + 1 : 0);
        var fence = new string('`', longestRun + 1);
        var pad = clean.StartsWith('`') || clean.EndsWith('`') ? " " : "";
        return fence + pad + clean + pad + fence;
    }

    /// <summary>Escapes for raw HTML (inside &lt;summary&gt;), where Markdown is not parsed.</summary>
    public static string Html(string? text) => WebUtility.HtmlEncode(SafeText.Clean(text));

    /// <summary>A URL for a Markdown link target: no spaces, parentheses or angle brackets to end it early.</summary>
    public static string Url(string url) =>
        SafeText.Clean(url).Replace(" ", "%20").Replace("(", "%28").Replace(")", "%29").Replace("<", "%3C").Replace(">", "%3E");
}
