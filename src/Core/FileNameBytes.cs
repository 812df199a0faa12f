using System.Text;

namespace Kalc.Iac.Core;

/// <summary>File names on Linux are bytes, not text: a name need not be UTF-8. .NET decodes such a name with U+FFFD in
/// place of each bad byte, after which the file cannot be opened by that name. kalc-iac keeps such a name as Python's
/// "surrogateescape" does (PEP 383, https://peps.python.org/pep-0383/): each byte that is not part of valid UTF-8 becomes
/// the lone surrogate U+DC80..U+DCFF, which no decoded name contains; <see cref="Of"/> turns it back into the byte.
/// <see cref="ErrorText"/> shows such a character as <c>\xHH</c>.</summary>
public static class FileNameBytes
{
    /// <summary>The bytes the kernel sees for <paramref name="path"/>, NUL-terminated.</summary>
    public static byte[] Of(string path)
    {
        var bytes = new List<byte>(path.Length + 8);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c is >= '\uDC80' and <= '\uDCFF' && !(i > 0 && char.IsHighSurrogate(path[i - 1])))
            {
                bytes.Add((byte)(c - '\uDC00'));
                continue;
            }
            var length = char.IsHighSurrogate(c) && i + 1 < path.Length && char.IsLowSurrogate(path[i + 1])
                ? Encoding.UTF8.GetBytes(path.AsSpan(i++, 2), utf8)
                : Encoding.UTF8.GetBytes(path.AsSpan(i, 1), utf8);
            for (var k = 0; k < length; k++) bytes.Add(utf8[k]);
        }
        bytes.Add(0);
        return [.. bytes];
    }

    /// <summary>A name read as bytes, decoded: valid UTF-8 as text, every other byte as U+DC00 + the byte.</summary>
    public static string Decode(ReadOnlySpan<byte> name)
    {
        var sb = new StringBuilder(name.Length);
        while (!name.IsEmpty)
        {
            var status = System.Text.Rune.DecodeFromUtf8(name, out var rune, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                sb.Append(rune.ToString());
            }
            else
            {
                consumed = 1;
                sb.Append((char)('\uDC00' + name[0]));
            }
            name = name[consumed..];
        }
        return sb.ToString();
    }

    /// <summary>Whether .NET could not name this file by itself (its name holds bytes that are not UTF-8).</summary>
    public static bool NeedsBytes(string path)
    {
        foreach (var c in path)
            if (c is >= '\uDC80' and <= '\uDCFF' or '\uFFFD') return true;
        return false;
    }
}
