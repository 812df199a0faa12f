namespace Kalc.Iac.PlanParser.Hcl;

/// <summary>The text of one HCL file and where its lines start, so a character offset becomes line:column (1-based)
/// only when someone asks (error messages, finding locations).</summary>
public sealed class HclSourceText
{
    private readonly int[] lineStarts;

    public HclSourceText(string file, string text)
    {
        File = file;
        Text = text;
        var starts = new List<int>(text.Length / 32 + 1) { 0 };
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1)) starts.Add(i + 1);
        lineStarts = [.. starts];
    }

    public string File { get; }

    public string Text { get; }

    public int LineCount => lineStarts.Length;

    /// <summary>The 1-based line and column of a character offset.</summary>
    public (int Line, int Column) Position(int offset)
    {
        var i = Array.BinarySearch(lineStarts, offset);
        var line = i >= 0 ? i : ~i - 1;
        return (line + 1, offset - lineStarts[line] + 1);
    }

    /// <summary>Line <paramref name="line"/> (1-based) without its line break.</summary>
    public string LineText(int line)
    {
        var start = lineStarts[line - 1];
        var end = line < lineStarts.Length ? lineStarts[line] - 1 : Text.Length;
        if (end > start && Text[end - 1] == '\r') end--;
        return Text[start..Math.Max(start, end)];
    }

    public string Slice(HclRange range) => Text[range.Start..range.End];
}
