using System.Buffers;
using System.Text;

namespace Kalc.Iac.Core;

/// <summary>Compares ASCII strings with each other and with their UTF-8 bytes, so that a pool of strings read from UTF-8
/// JSON is looked up by the bytes the reader is on without keeping a copy of them as the key (a pool keyed by byte arrays
/// holds every string twice). Only ASCII strings may be keys: a span with other bytes never equals one, and is simply not
/// found. Both hashes are of the same bytes.</summary>
public sealed class AsciiKeyComparer : IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<byte>, string>
{
    public static readonly AsciiKeyComparer Instance = new();

    public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

    public int GetHashCode(string obj)
    {
        var rented = obj.Length <= 256 ? null : ArrayPool<byte>.Shared.Rent(obj.Length);
        Span<byte> bytes = rented ?? stackalloc byte[256];
        try
        {
            // Keys are ASCII (Ascii.IsValid before they are added); anything else hashes as its UTF-16 code units cut to
            // bytes, which no span equals anyway.
            var narrowed = bytes[..obj.Length];
            if (Ascii.FromUtf16(obj, narrowed, out _) != OperationStatus.Done)
                for (var i = 0; i < obj.Length; i++) narrowed[i] = unchecked((byte)obj[i]);
            return GetHashCode((ReadOnlySpan<byte>)narrowed);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public bool Equals(ReadOnlySpan<byte> alternate, string other) => Ascii.Equals(alternate, other);

    public int GetHashCode(ReadOnlySpan<byte> alternate)
    {
        var hash = new HashCode();
        hash.AddBytes(alternate);
        return hash.ToHashCode();
    }

    public string Create(ReadOnlySpan<byte> alternate) => Encoding.UTF8.GetString(alternate);
}
