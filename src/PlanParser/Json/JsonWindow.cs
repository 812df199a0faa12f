using System.Buffers;
using Kalc.Iac.Core;

namespace Kalc.Iac.PlanParser.Json;

/// <summary>The part of a UTF-8 JSON input that a streaming reader has not consumed yet: either all of an in-memory
/// input, or a pooled buffer refilled from a stream, so that a 100 MB plan is read with a few MB of memory.
/// Every byte is checked to be valid UTF-8 as it arrives, and newlines are counted as bytes are consumed, so that
/// errors can name a line.</summary>
internal sealed class JsonWindow : IDisposable
{
    /// <summary>The buffer a stream is read into; it grows when a single element does not fit.</summary>
    public const int DefaultBufferBytes = 1 << 20;
    private readonly Stream? _stream;
    private readonly string _file;
    private readonly ReadOnlyMemory<byte> _memory;
    private byte[]? _buffer;
    private int _start;
    private int _end;
    private int _validated;
    private int _linesAt;
    private int _lineOffset;

    /// <summary>Offset in the whole input of the first byte of <see cref="Span"/>.</summary>
    private long _consumed;

    /// <summary>Offset in the whole input where the line of <see cref="Span"/>'s first byte starts, and where the line of
    /// the last offset counted (<see cref="_lineOffset"/>) starts.</summary>
    private long _lineStartAtSpan;
    private long _lineStartAt;

    /// <summary>A window over an input that is entirely in memory, already known to be valid UTF-8.</summary>
    public JsonWindow(ReadOnlyMemory<byte> utf8, string file, int firstLine)
    {
        _memory = utf8;
        _file = file;
        _end = utf8.Length;
        _validated = _end;
        IsFinal = true;
        Line = firstLine;
        _linesAt = firstLine;
    }

    /// <summary>A window over a stream; <paramref name="head"/> holds the bytes already read from it (the first
    /// of which is the start of the JSON document: BOM and noise lines already removed).</summary>
    public JsonWindow(Stream stream, ReadOnlySpan<byte> head, string file, int firstLine, int bufferBytes = DefaultBufferBytes)
    {
        _stream = stream;
        _file = file;
        // The head is as large as the window's buffer (1 MiB): a buffer of the head's size reads on once the parser has
        // consumed part of it (Fill), where head + buffer was a 2 MiB array for the length of the read.
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(bufferBytes, head.Length));
        head.CopyTo(_buffer);
        _end = head.Length;
        Line = firstLine;
        _linesAt = firstLine;
        FillToCapacity();
    }

    /// <summary>True once the stream has no more bytes: what the window holds is the rest of the input.</summary>
    public bool IsFinal { get; private set; }

    /// <summary>1-based line of the first unconsumed byte.</summary>
    public int Line { get; private set; }

    /// <summary>The unconsumed bytes.</summary>
    public ReadOnlySpan<byte> Span => _buffer is null ? _memory.Span[_start.._end] : _buffer.AsSpan(_start, _end - _start);

    /// <summary>Marks <paramref name="count"/> bytes at the start of <see cref="Span"/> as consumed.</summary>
    public void Advance(int count)
    {
        Line = LineAt(count);
        _start += count;
        _consumed += count;
        _lineOffset = 0;
        _linesAt = Line;
        _lineStartAtSpan = _lineStartAt;
    }

    /// <summary>1-based line of the byte at <paramref name="offset"/> in <see cref="Span"/>. Offsets asked for between two
    /// calls of <see cref="Advance"/> should grow, so that each newline is counted once.</summary>
    public int LineAt(long offset)
    {
        var target = (int)Math.Min(offset, _end - _start);
        if (target < _lineOffset)
        {
            _lineOffset = 0;
            _linesAt = Line;
            _lineStartAt = _lineStartAtSpan;
        }
        var counted = Span[_lineOffset..target];
        var newlines = counted.Count((byte)'\n');
        if (newlines > 0)
        {
            _linesAt += newlines;
            _lineStartAt = _consumed + _lineOffset + counted.LastIndexOf((byte)'\n') + 1;
        }
        _lineOffset = target;
        return _linesAt;
    }

    /// <summary>1-based line and byte column of the byte at <paramref name="offset"/> in <see cref="Span"/> (offsets asked
    /// for should grow, as for <see cref="LineAt"/>).</summary>
    public (int Line, int Column) PositionAt(long offset)
    {
        var line = LineAt(offset);
        return (line, (int)Math.Min(int.MaxValue, _consumed + _lineOffset - _lineStartAt + 1));
    }

    /// <summary>Reads more of the stream after the unconsumed bytes, growing the buffer when they fill it; at the end
    /// of the stream, sets <see cref="IsFinal"/>.</summary>
    public void Fill()
    {
        if (_buffer is null || IsFinal) return;
        var unconsumed = _end - _start;
        if (_start == 0 && _end == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(checked(_buffer.Length * 2));
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, unconsumed).CopyTo(_buffer);
            _validated -= _start;
            _start = 0;
            _end = unconsumed;
        }
        FillToCapacity();
    }

    private void FillToCapacity()
    {
        while (_end < _buffer!.Length)
        {
            int n;
            try
            {
                n = _stream!.Read(_buffer, _end, _buffer.Length - _end);
            }
            catch (IOException e)
            {
                throw new InputException(new InputError(_file, "cannot be read: " + e.Message));
            }
            if (n == 0)
            {
                IsFinal = true;
                break;
            }
            _end += n;
        }
        Validate();
    }

    /// <summary>Checks the newly read bytes, leaving out a character cut at the end of the buffer until its rest arrives.</summary>
    private void Validate()
    {
        var upTo = IsFinal ? _end : _end - IncompleteTail(_buffer.AsSpan(_validated, _end - _validated));
        if (!System.Text.Unicode.Utf8.IsValid(_buffer.AsSpan(_validated, upTo - _validated)))
            throw new InputException(new InputError(_file, "not valid UTF-8 text"));
        _validated = upTo;
    }

    /// <summary>How many bytes at the end of <paramref name="s"/> start a multi-byte character that is not complete.</summary>
    private static int IncompleteTail(ReadOnlySpan<byte> s)
    {
        for (var back = 1; back <= Math.Min(3, s.Length); back++)
        {
            var b = s[^back];
            if ((b & 0xC0) == 0x80) continue; // a continuation byte: look further back for the lead byte
            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? back : 0;
        }
        return 0;
    }

    public void Dispose()
    {
        if (_buffer is null) return;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = null;
    }
}
