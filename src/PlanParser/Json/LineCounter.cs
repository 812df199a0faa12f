namespace Kalc.Iac.PlanParser.Json;

/// <summary>Turns increasing byte offsets into 1-based line numbers with one pass over the text overall.</summary>
internal sealed class LineCounter(int firstLine)
{
    private int _offset;
    private int _line = firstLine;

    public int LineAt(ReadOnlySpan<byte> utf8, long offset)
    {
        var target = (int)offset;
        if (target > _offset)
        {
            _line += utf8[_offset..target].Count((byte)'\n');
            _offset = target;
        }
        return _line;
    }
}
