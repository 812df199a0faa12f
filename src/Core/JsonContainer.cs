using System.Buffers;

namespace Kalc.Iac.Core;

/// <summary>Finds where a JSON object or array ends without tokenizing it: brackets are counted outside strings, and
/// strings are jumped through to their closing quote. It does not check the text in between: it is used where a
/// reader checks those bytes anyway (the small containers a reader is on, the elements a worker parses whole).</summary>
public static class JsonContainer
{
    private static readonly SearchValues<byte> QuoteOrBackslash = SearchValues.Create("\"\\"u8);

    /// <summary>Length in bytes of the object or array that <paramref name="json"/> starts with, or -1 when it is longer
    /// than <paramref name="limit"/>.</summary>
    public static int LengthWithin(ReadOnlySpan<byte> json, int limit) => Length(json[..Math.Min(json.Length, limit)]);

    /// <summary>Length in bytes of the object or array that <paramref name="json"/> starts with, or -1 when it does not
    /// end within <paramref name="json"/>. Scans 64 bytes at a time where the machine has vector instructions
    /// (<see cref="JsonBlockScanner"/>): the same answer as <see cref="ScalarLength"/> for any input whose backslashes are all
    /// inside strings (all JSON is; a stray backslash is an error the parser of those bytes finds at the same place).</summary>
    public static int Length(ReadOnlySpan<byte> json) =>
        JsonBlockScanner.IsSupported ? JsonBlockScanner.Length(json) : ScalarLength(json);

    /// <summary><see cref="Length"/> one byte at a time.</summary>
    public static int ScalarLength(ReadOnlySpan<byte> json)
    {
        var depth = 0;
        var i = 0;
        while (i < json.Length)
        {
            switch (json[i])
            {
                case (byte)'"':
                    i = StringEnd(json, i);
                    if (i < 0) return -1;
                    break;
                case (byte)'{' or (byte)'[':
                    depth++;
                    break;
                case (byte)'}' or (byte)']':
                    if (--depth == 0) return i + 1;
                    break;
            }
            i++;
        }
        return -1;
    }

    /// <summary>Offset of the first byte at or after <paramref name="i"/> that is not JSON whitespace (the length of
    /// <paramref name="json"/> when there is none).</summary>
    public static int SkipWhitespace(ReadOnlySpan<byte> json, int i)
    {
        var skip = json[i..].IndexOfAnyExcept(" \t\r\n"u8);
        return skip < 0 ? json.Length : i + skip;
    }

    /// <summary>Offset of the quote that closes the string whose opening quote is at <paramref name="open"/>, or -1 when
    /// it does not close within <paramref name="json"/>.</summary>
    public static int StringEnd(ReadOnlySpan<byte> json, int open)
    {
        var i = open + 1;
        // Most JSON strings are names and short values: look at a few bytes before starting a vector search.
        var end = Math.Min(json.Length, i + 16);
        while (i < end)
        {
            var b = json[i];
            if (b == (byte)'"') return i;
            i += b == (byte)'\\' ? 2 : 1; // a backslash and the character it escapes
        }
        while (i < json.Length)
        {
            var next = json[i..].IndexOfAny(QuoteOrBackslash);
            if (next < 0) return -1;
            i += next;
            if (json[i] == (byte)'"') return i;
            i += 2;
        }
        return -1;
    }
}
