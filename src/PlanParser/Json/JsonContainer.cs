namespace Kalc.Iac.PlanParser.Json;

/// <summary>Finds where a JSON object or array ends without tokenizing it, looking at most a few hundred bytes ahead.
/// Used on text a reader has already validated.</summary>
internal static class JsonContainer
{
    /// <summary>Length in bytes of the object or array that <paramref name="json"/> starts with, or -1 when it is longer
    /// than <paramref name="limit"/>.</summary>
    public static int LengthWithin(ReadOnlySpan<byte> json, int limit)
    {
        var end = Math.Min(json.Length, limit);
        var depth = 0;
        var inString = false;
        for (var i = 0; i < end; i++)
        {
            var b = json[i];
            if (inString)
            {
                if (b == (byte)'\\') i++;
                else if (b == (byte)'"') inString = false;
                continue;
            }
            switch (b)
            {
                case (byte)'"':
                    inString = true;
                    break;
                case (byte)'{' or (byte)'[':
                    depth++;
                    break;
                case (byte)'}' or (byte)']':
                    if (--depth == 0) return i + 1;
                    break;
            }
        }
        return -1;
    }
}
