using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Kalc.Iac.Reporting;

/// <summary>JSON written through a <see cref="Utf8JsonWriter"/> straight into a <see cref="TextWriter"/>, a buffer at a
/// time: a report of a large plan (tens of thousands of changes not analysed) is never held whole as bytes and again as
/// a string.</summary>
internal sealed class TextWriterJson : IBufferWriter<byte>, IDisposable
{
    private const int ChunkBytes = 1 << 16;

    private readonly TextWriter output;
    // The writer asks for room for one value at a time; a value longer than a chunk grows the buffer, once.
    private byte[] bytes = ArrayPool<byte>.Shared.Rent(ChunkBytes);
    private char[] chars = ArrayPool<char>.Shared.Rent(ChunkBytes);
    // Stateful: a UTF-8 sequence split between two chunks is decoded whole.
    private readonly Decoder decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
    private int used;

    private TextWriterJson(TextWriter output) => this.output = output;

    /// <summary>Runs <paramref name="write"/> on a JSON writer over <paramref name="output"/> and writes out what it wrote.</summary>
    public static void Write(TextWriter output, JsonWriterOptions options, Action<Utf8JsonWriter> write)
    {
        using var target = new TextWriterJson(output);
        using (var json = new Utf8JsonWriter(target, options)) write(json);
        target.Drain(final: true);
    }

    public void Advance(int count) => used += count;

    public Memory<byte> GetMemory(int sizeHint = 0) => Room(sizeHint).AsMemory(used);

    public Span<byte> GetSpan(int sizeHint = 0) => Room(sizeHint).AsSpan(used);

    private byte[] Room(int sizeHint)
    {
        var need = Math.Max(sizeHint, 1);
        if (bytes.Length - used >= need) return bytes;
        Drain(final: false);
        if (bytes.Length < need)
        {
            ArrayPool<byte>.Shared.Return(bytes);
            bytes = ArrayPool<byte>.Shared.Rent(need);
        }
        return bytes;
    }

    private void Drain(bool final)
    {
        var needChars = decoder.GetCharCount(bytes, 0, used, flush: false) + 1;
        if (chars.Length < needChars)
        {
            ArrayPool<char>.Shared.Return(chars);
            chars = ArrayPool<char>.Shared.Rent(needChars);
        }
        var n = decoder.GetChars(bytes, 0, used, chars, 0, flush: final);
        output.Write(chars, 0, n);
        used = 0;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(bytes);
        ArrayPool<char>.Shared.Return(chars);
    }
}
