using System.Text;
using Kalc.Iac.Core;

namespace Kalc.Iac.PlanParser.Json;

/// <summary>The JSON document inside an input as users save it: UTF-8 (BOM or not) or UTF-16/32 with a BOM,
/// possibly preceded by a few lines of noise (a CI wrapper's "[command]terraform show -json" line, colour codes).</summary>
public readonly record struct JsonPayload(ReadOnlyMemory<byte> Utf8, int SkippedLines)
{
    /// <summary>How far into the input we look for the start of the JSON document.</summary>
    private const int NoiseWindow = 64 * 1024;

    /// <summary>Returns strictly valid UTF-8 JSON text starting at its first '{' or '['.</summary>
    public static JsonPayload Locate(ReadOnlyMemory<byte> input, string file)
    {
        var utf8 = ToUtf8(input, file);
        var span = utf8.Span;
        if (!System.Text.Unicode.Utf8.IsValid(span))
            throw new InputException(new InputError(file, InputText.LooksBinary(span) ? "binary content, not a JSON plan" : "not valid UTF-8 text"));
        var start = StartOfJson(span);
        if (start < 0)
            return new JsonPayload(utf8, 0);
        var skipped = span[..start].Count((byte)'\n');
        return new JsonPayload(utf8[start..], skipped);
    }

    /// <summary>The JSON document in <paramref name="head"/> followed by the rest of <paramref name="rest"/>, as a window
    /// that reads the stream as it goes. UTF-16/32 input (rare: PowerShell) is transcoded whole, in memory, up to
    /// <see cref="MaxTranscodedBytes"/>.</summary>
    /// <summary>The largest UTF-16/32 JSON plan (docs/robustness.md): twice the limit of a plan read whole, as UTF-16 takes
    /// about twice the bytes.</summary>
    public const long MaxTranscodedBytes = 1L << 30;

    internal static JsonWindow Open(ReadOnlyMemory<byte> head, Stream rest, string file, int bufferBytes)
    {
        var bytes = AtLeast(head, rest, NoiseWindow);
        var (encoding, bom) = InputText.DetectEncoding(bytes);
        if (encoding is not UTF8Encoding)
        {
            var all = BoundedFile.ReadAll(rest, file, MaxTranscodedBytes, "a UTF-16 or UTF-32 JSON plan (read whole to transcode it)", bytes);
            var payload = Locate(all, file);
            return new JsonWindow(payload.Utf8, file, payload.SkippedLines + 1);
        }
        var utf8 = bytes[bom..];
        var start = StartOfJson(utf8);
        if (start < 0) start = 0;
        var noise = utf8[..start];
        if (!System.Text.Unicode.Utf8.IsValid(noise))
            throw new InputException(new InputError(file, InputText.LooksBinary(utf8) ? "binary content, not a JSON plan" : "not valid UTF-8 text"));
        if (InputText.LooksBinary(utf8) && !System.Text.Unicode.Utf8.IsValid(utf8))
            throw new InputException(new InputError(file, "binary content, not a JSON plan"));
        return new JsonWindow(rest, utf8[start..], file, noise.Count((byte)'\n') + 1, bufferBytes);
    }

    /// <summary>The head, topped up from the stream to <paramref name="length"/> bytes (or the end of the stream):
    /// the BOM and the noise before the document must be seen whole.</summary>
    private static ReadOnlySpan<byte> AtLeast(ReadOnlyMemory<byte> head, Stream rest, int length)
    {
        if (head.Length >= length) return head.Span;
        var bytes = new byte[length];
        head.Span.CopyTo(bytes);
        var filled = head.Length;
        int n;
        while (filled < length && (n = rest.Read(bytes, filled, length - filled)) > 0)
            filled += n;
        return bytes.AsSpan(0, filled);
    }

    /// <summary>Offset of the first '{' or '[' that opens a line (after whitespace and ANSI codes) within the
    /// first 64 KiB, or -1 when the input does not look like JSON at all.</summary>
    public static int StartOfJson(ReadOnlySpan<byte> span)
    {
        var window = span[..Math.Min(span.Length, NoiseWindow)];
        var lineStart = 0;
        while (lineStart < window.Length)
        {
            var i = SkipBlankAndAnsi(window, lineStart);
            if (i < window.Length && (window[i] == (byte)'{' || (window[i] == (byte)'[' && OpensJsonArray(window[(i + 1)..]))))
                return i;
            var nl = window[lineStart..].IndexOf((byte)'\n');
            if (nl < 0) break;
            lineStart += nl + 1;
        }
        return -1;
    }

    /// <summary>"[command]terraform show" (a CI wrapper's echo) opens a line with '[' but is no JSON array.</summary>
    private static bool OpensJsonArray(ReadOnlySpan<byte> rest)
    {
        var t = rest.TrimStart(" \t\r\n"u8);
        return t.IsEmpty || t[0] is (byte)'{' or (byte)'[' or (byte)']' or (byte)'"' or (byte)'-' or (>= (byte)'0' and <= (byte)'9') or (byte)'t' or (byte)'f' or (byte)'n';
    }

    private static int SkipBlankAndAnsi(ReadOnlySpan<byte> s, int i)
    {
        while (i < s.Length)
        {
            if (s[i] is (byte)' ' or (byte)'\t' or (byte)'\r')
            {
                i++;
            }
            else if (s[i] == 0x1b && i + 1 < s.Length && s[i + 1] == (byte)'[')
            {
                i += 2;
                while (i < s.Length && s[i] is >= 0x20 and <= 0x3f) i++;
                i++; // the final byte of the sequence
            }
            else
            {
                break;
            }
        }
        return i;
    }

    private static ReadOnlyMemory<byte> ToUtf8(ReadOnlyMemory<byte> input, string file)
    {
        var (encoding, bom) = InputText.DetectEncoding(input.Span);
        if (encoding is UTF8Encoding)
            return input[bom..];
        return Encoding.UTF8.GetBytes(InputText.Decode(input.Span, file));
    }
}
