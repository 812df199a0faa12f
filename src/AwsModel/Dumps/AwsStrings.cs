namespace Kalc.Iac.AwsModel.Dumps;

/// <summary>One copy of each repeated string of a state dump: 10,000 instances share a handful of instance types,
/// zones, subnets, profile ARNs and tag keys and values, 5,000 roles a few trust policies. Per thread (a directory is
/// read on one) and bounded, so that a process reading many dumps (the tests) does not keep them all.</summary>
internal static class AwsStrings
{
    private const int MaxLength = 8 * 1024;
    private const int MaxPooled = 64 * 1024;

    [ThreadStatic]
    private static HashSet<string>? _pool;

    public static string? Intern(string? s)
    {
        if (s is null || s.Length > MaxLength) return s;
        var pool = _pool ??= new HashSet<string>(StringComparer.Ordinal);
        if (pool.TryGetValue(s, out var pooled)) return pooled;
        if (pool.Count >= MaxPooled) pool.Clear();
        pool.Add(s);
        return s;
    }
}
