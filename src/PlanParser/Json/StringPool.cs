namespace Kalc.Iac.PlanParser.Json;

/// <summary>One copy per distinct attribute name, type and provider string within one read: a 100k-resource plan
/// repeats the same few hundred names millions of times.</summary>
internal sealed class StringPool
{
    private const int MaxPooledLength = 64;
    private const int MaxPooled = 16 * 1024;
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);

    public string Intern(string s)
    {
        if (s.Length > MaxPooledLength) return s;
        if (_strings.TryGetValue(s, out var pooled)) return pooled;
        if (_strings.Count < MaxPooled) _strings.Add(s);
        return s;
    }
}
