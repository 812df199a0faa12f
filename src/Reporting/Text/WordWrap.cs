using System.Text;

namespace Kalc.Iac.Reporting.Text;

/// <summary>Breaks text into lines at word boundaries; a word longer than a line (an ARN, a long address) is split.</summary>
public static class WordWrap
{
    public static IReadOnlyList<string> Lines(string text, int width)
    {
        width = Math.Max(width, 10);
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = word.AsSpan();
            while (rest.Length > 0)
            {
                var room = line.Length == 0 ? width : width - line.Length - 1;
                if (rest.Length <= room)
                {
                    if (line.Length > 0) line.Append(' ');
                    line.Append(rest);
                    rest = [];
                }
                else if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }
                else
                {
                    lines.Add(rest[..width].ToString());
                    rest = rest[width..];
                }
            }
        }
        if (line.Length > 0 || lines.Count == 0) lines.Add(line.ToString());
        return lines;
    }
}
