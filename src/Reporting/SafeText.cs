using System.Text;
using Kalc.Iac.Core;

namespace Kalc.Iac.Reporting;

/// <summary>Model strings come from plans and state that anyone can write: before a human-readable
/// reporter prints one, terminal escapes, control characters and bidi overrides are removed.</summary>
public static class SafeText
{
    /// <summary>One line of printable text: escape sequences dropped, tabs and line breaks become spaces,
    /// other control and bidi-override characters dropped.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var stripped = InputText.StripAnsi(text);
        StringBuilder? sb = null;
        for (var i = 0; i < stripped.Length; i++)
        {
            var c = stripped[i];
            var keep = !char.IsControl(c) && !IsBidiControl(c);
            if (keep && sb is null) continue;
            sb ??= new StringBuilder(stripped.Length).Append(stripped, 0, i);
            if (keep) sb.Append(c);
            else if (c is '\t' or '\n' or '\r') sb.Append(' ');
        }
        return sb?.ToString() ?? stripped;
    }

    private static bool IsBidiControl(char c) => ErrorText.IsBidiControl(c);
}
