using CsCheck;

namespace Kalc.Iac.Cli.Tests.Robustness;

/// <summary>The byte-level mutations a hostile or broken pipeline makes of a real input: bytes flipped, ranges cut,
/// duplicated or truncated, and bytes inserted that readers and terminals treat specially (quotes, brackets, NUL,
/// ESC sequences, bidi overrides, a lone UTF-8 lead or continuation byte, a BOM, CR).</summary>
internal static class Mutation
{
    private static readonly byte[][] Specials =
    [
        "\""u8.ToArray(), "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(), ","u8.ToArray(), ":"u8.ToArray(),
        "\\"u8.ToArray(), [0], "\u001b[2J"u8.ToArray(), "\u001b]0;x\u0007"u8.ToArray(), "\u202E"u8.ToArray(), [0xC3], [0x80],
        [0xEF, 0xBB, 0xBF], "\r"u8.ToArray(), "\n"u8.ToArray(), "falSe"u8.ToArray(), "nul"u8.ToArray(), "1e999"u8.ToArray(),
        "\\u0000"u8.ToArray(), "\\uD800"u8.ToArray(), "日本"u8.ToArray(),
    ];

    /// <summary>One to four mutations of <paramref name="input"/>.</summary>
    public static Gen<byte[]> Of(byte[] input) =>
        Gen.Int[1, 4].SelectMany(n => Gen.Int[0, int.MaxValue].Array[n * 3].Select(r => Apply(input, r)));

    private static byte[] Apply(byte[] input, int[] random)
    {
        var bytes = input;
        for (var i = 0; i + 2 < random.Length; i += 3)
            bytes = Once(bytes, random[i], random[i + 1], random[i + 2]);
        return bytes;
    }

    private static byte[] Once(byte[] b, int kind, int r1, int r2)
    {
        if (b.Length == 0) return Specials[r1 % Specials.Length];
        var at = r1 % b.Length;
        var length = Math.Min(b.Length - at, 1 + r2 % 64);
        switch (kind % 6)
        {
            case 0: // flip a byte
                var flipped = (byte[])b.Clone();
                flipped[at] ^= (byte)(1 << (r2 % 8));
                return flipped;
            case 1: // cut a range
                return [.. b.AsSpan(0, at), .. b.AsSpan(at + length)];
            case 2: // duplicate a range
                return [.. b.AsSpan(0, at + length), .. b.AsSpan(at, length), .. b.AsSpan(at + length)];
            case 3: // truncate
                return b[..at];
            default: // insert a special
                return [.. b.AsSpan(0, at), .. Specials[r2 % Specials.Length], .. b.AsSpan(at)];
        }
    }

    /// <summary>How many cases each fuzz test runs: a fixed count in the test command; more with
    /// KALC_FUZZ_ITERATIONS (docs/robustness.md).</summary>
    public static long Iterations(long byDefault) =>
        long.TryParse(Environment.GetEnvironmentVariable("KALC_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : byDefault;
}
