namespace Kalc.Iac.Bench.Generator;

/// <summary>Deterministic values from (seed, index, salt) with no state: any writer can ask for the same
/// instance id or action in any order and get the same answer (SplitMix64 finaliser).</summary>
internal readonly record struct Det(ulong Seed)
{
    public ulong Hash(long index, int salt)
    {
        var z = Seed + 0x9E3779B97F4A7C15UL * (ulong)(index + 1) + 0xD1B54A32D192ED03UL * (ulong)(salt + 1);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>0 &lt;= result &lt; n.</summary>
    public int Below(long index, int salt, int n) => (int)(Hash(index, salt) % (ulong)n);

    /// <summary>Lower-case hex digits, like the tail of an EC2 id.</summary>
    public string Hex(long index, int salt, int digits)
    {
        var a = Hash(index, salt).ToString("x16");
        var b = Hash(index, salt + 1000).ToString("x16");
        return (a + b)[..digits];
    }

    /// <summary>Upper-case alphanumerics, like an IAM unique id (AROA...).</summary>
    public string Upper(long index, int salt, int length)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var chars = new char[length];
        for (var k = 0; k < length; k++)
            chars[k] = Alphabet[(int)(Hash(index, salt * 31 + k) & 31)];
        return new string(chars);
    }
}
