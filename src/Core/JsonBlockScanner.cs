using System.Numerics;
using System.Runtime.Intrinsics;

namespace Kalc.Iac.Core;

/// <summary><see cref="JsonContainer.Length"/> 64 bytes at a time, in the manner of simdjson's first stage
/// (Langdale and Lemire, "Parsing Gigabytes of JSON per Second", https://arxiv.org/abs/1902.08318): vector compares give
/// one bit per byte for quotes, backslashes, opening and closing brackets; the escaped characters follow from the
/// backslashes; a running XOR of the unescaped quotes marks the bytes inside strings; what is left are the brackets that
/// count. A block whose closing brackets cannot bring the depth to zero is skipped whole; otherwise its brackets are
/// walked in order. State carried from block to block: the depth, whether a string is open, whether the block ends in an
/// unescaped backslash.</summary>
internal static class JsonBlockScanner
{
    public static bool IsSupported => Vector128.IsHardwareAccelerated;

    public static int Length(ReadOnlySpan<byte> json)
    {
        var depth = 0;
        var inString = 0UL; // all ones while a string is open across a block boundary
        var escapeCarry = 0UL; // 1 when the previous block ended with a backslash that escapes this block's first byte
        var at = 0;
        Span<byte> tail = stackalloc byte[64];
        while (at < json.Length)
        {
            scoped ReadOnlySpan<byte> block;
            if (json.Length - at >= 64)
            {
                block = json.Slice(at, 64);
            }
            else
            {
                // The last bytes, padded with spaces: nothing that counts.
                tail.Fill((byte)' ');
                json[at..].CopyTo(tail);
                block = tail;
            }
            var (quotes, backslashes, opens, closes) = Masks(block);
            var escaped = Escaped(backslashes, ref escapeCarry);
            var inside = PrefixXor(quotes & ~escaped) ^ inString;
            inString = (ulong)((long)inside >> 63);
            opens &= ~inside;
            closes &= ~inside;
            if (closes != 0 && BitOperations.PopCount(closes) >= depth)
            {
                // The depth may reach zero in this block: walk its brackets in order.
                for (var brackets = opens | closes; brackets != 0; brackets &= brackets - 1)
                {
                    var bit = BitOperations.TrailingZeroCount(brackets);
                    if ((opens >> bit & 1) != 0) depth++;
                    else if (--depth == 0) return at + bit + 1;
                }
            }
            else
            {
                depth += BitOperations.PopCount(opens) - BitOperations.PopCount(closes);
            }
            at += 64;
        }
        return -1;
    }

    /// <summary>One bit per byte of the 64-byte block: quotes, backslashes, { or [, } or ].</summary>
    private static (ulong Quotes, ulong Backslashes, ulong Opens, ulong Closes) Masks(ReadOnlySpan<byte> block)
    {
        ulong quotes = 0, backslashes = 0, opens = 0, closes = 0;
        var quote = Vector128.Create((byte)'"');
        var backslash = Vector128.Create((byte)'\\');
        var open = Vector128.Create((byte)'{'); // '[' | 0x20 == '{'
        var close = Vector128.Create((byte)'}'); // ']' | 0x20 == '}'
        var lower = Vector128.Create((byte)0x20);
        for (var part = 0; part < 4; part++)
        {
            var v = Vector128.Create(block.Slice(part * 16, 16));
            var folded = v | lower;
            var shift = part * 16;
            quotes |= (ulong)Vector128.Equals(v, quote).ExtractMostSignificantBits() << shift;
            backslashes |= (ulong)Vector128.Equals(v, backslash).ExtractMostSignificantBits() << shift;
            opens |= (ulong)Vector128.Equals(folded, open).ExtractMostSignificantBits() << shift;
            closes |= (ulong)Vector128.Equals(folded, close).ExtractMostSignificantBits() << shift;
        }
        return (quotes, backslashes, opens, closes);
    }

    /// <summary>The bytes that a backslash escapes. A backslash escaped by the one before it escapes nothing; the
    /// backslashes are few, so they are walked in order.</summary>
    private static ulong Escaped(ulong backslashes, ref ulong carry)
    {
        var escaped = carry;
        carry = 0;
        for (; backslashes != 0; backslashes &= backslashes - 1)
        {
            var bit = BitOperations.TrailingZeroCount(backslashes);
            if ((escaped >> bit & 1) != 0) continue;
            if (bit == 63) carry = 1;
            else escaped |= 1UL << (bit + 1);
        }
        return escaped;
    }

    /// <summary>Bit i is the XOR of bits 0..i: with the quotes in, the bytes from an opening quote up to (not including)
    /// its closing quote.</summary>
    private static ulong PrefixXor(ulong x)
    {
        x ^= x << 1;
        x ^= x << 2;
        x ^= x << 4;
        x ^= x << 8;
        x ^= x << 16;
        x ^= x << 32;
        return x;
    }
}
