using System.Text;

namespace Kalc.Iac.Core;

/// <summary>Turns the bytes users really save into text: UTF-8 with or without BOM, UTF-16 LE/BE
/// with BOM (PowerShell's <c>&gt;</c>), UTF-32 with BOM. Invalid UTF-8 and binary content are
/// rejected with an <see cref="InputError"/>, never decoded into replacement characters.</summary>
public static class InputText
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Returns the encoding named by a byte-order mark and the BOM length, or UTF-8 with 0.</summary>
    public static (Encoding Encoding, int BomLength) DetectEncoding(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 4 && head[0] == 0xFF && head[1] == 0xFE && head[2] == 0 && head[3] == 0)
            return (new UTF32Encoding(false, true, true), 4);
        if (head.Length >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 0xFE && head[3] == 0xFF)
            return (new UTF32Encoding(true, true, true), 4);
        if (head.Length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
            return (StrictUtf8, 3);
        if (head.Length >= 2 && head[0] == 0xFF && head[1] == 0xFE)
            return (new UnicodeEncoding(false, true, true), 2);
        if (head.Length >= 2 && head[0] == 0xFE && head[1] == 0xFF)
            return (new UnicodeEncoding(true, true, true), 2);
        return (StrictUtf8, 0);
    }

    /// <summary>Decodes a whole input to a string (for inputs read as text: text plans, YAML, INI).</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string file)
    {
        var (encoding, bom) = DetectEncoding(bytes);
        var body = bytes[bom..];
        if (bom == 0 && LooksBinary(body))
            throw new InputException(new InputError(file, "binary content, not text"));
        try
        {
            return encoding.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            throw new InputException(new InputError(file, bom == 0 ? "not valid UTF-8 text" : $"not valid {encoding.WebName} text"));
        }
    }

    /// <summary>Returns UTF-8 bytes without BOM: the same array when it already is, else a transcoded copy.</summary>
    public static ReadOnlyMemory<byte> ToUtf8(byte[] bytes, string file)
    {
        var (encoding, bom) = DetectEncoding(bytes);
        if (encoding is UTF8Encoding)
            return bytes.AsMemory(bom);
        return StrictUtf8.GetBytes(Decode(bytes, file));
    }

    /// <summary>The first at most <paramref name="max"/> bytes of UTF-8 <paramref name="bytes"/>, cut back to the start of
    /// a character that would be split (a window that cannot cut one): a check of the window then fails only on bytes
    /// that are wrong, not on where the window ends.</summary>
    public static ReadOnlySpan<byte> WholeCharacters(ReadOnlySpan<byte> bytes, int max)
    {
        if (bytes.Length <= max) return bytes;
        var end = max;
        // bytes[end] is the first byte left out; while it continues a character, that character started before the cut.
        while (end > 0 && max - end < 3 && (bytes[end] & 0xC0) == 0x80) end--;
        return bytes[..end];
    }

    /// <summary>NUL bytes in the first 8 KiB: a binary file (a .tfplan zip, an image, random bytes).</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 8192)];
        return head.IndexOf((byte)0) >= 0;
    }

    /// <summary>Removes ANSI escape sequences (SGR colours, cursor moves) that terminals and CI logs leave in text.</summary>
    public static string StripAnsi(string text)
    {
        if (text.IndexOf('\u001b') < 0) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\u001b') { sb.Append(c); continue; }
            if (i + 1 < text.Length && text[i + 1] == '[')
            {
                var j = i + 2;
                while (j < text.Length && (text[j] is >= '0' and <= '?' || text[j] is >= ' ' and <= '/')) j++;
                i = j; // skip the final byte too
            }
            else if (i + 1 < text.Length && text[i + 1] == ']')
            {
                var j = i + 2; // OSC ... BEL or ST
                while (j < text.Length && text[j] != '\u0007' && !(text[j] == '\u001b' && j + 1 < text.Length && text[j + 1] == '\\')) j++;
                i = j < text.Length && text[j] == '\u001b' ? j + 1 : j;
            }
            else
            {
                i++;
            }
        }
        return sb.ToString();
    }

    /// <summary>Splits text into lines on LF, CRLF or lone CR.</summary>
    public static string[] SplitLines(string text) => text.ReplaceLineEndings("\n").Split('\n');
}
