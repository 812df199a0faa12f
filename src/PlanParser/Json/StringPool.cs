using Kalc.Iac.Core;
using System.Text;
using System.Text.Json;

namespace Kalc.Iac.PlanParser.Json;

/// <summary>One copy per distinct attribute name, type and provider string within one read: a 100k-resource plan
/// repeats the same few hundred names millions of times. Names read straight from UTF-8 JSON are looked up by
/// their bytes, so a repeated name costs no allocation.</summary>
internal sealed class StringPool
{
    private const int MaxPooledLength = 64;
    private const int MaxPooled = 16 * 1024;
    /// <summary>Looked up by the string or by its UTF-8 bytes (<see cref="AsciiKeyComparer"/>: names are ASCII).</summary>
    private readonly HashSet<string> _strings = new(AsciiKeyComparer.Instance);

    public string Intern(string s)
    {
        if (s.Length > MaxPooledLength) return s;
        if (_strings.TryGetValue(s, out var pooled)) return pooled;
        if (_strings.Count < MaxPooled) _strings.Add(s);
        return s;
    }

    /// <summary>The string value or property name the reader is on.</summary>
    public string Intern(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > MaxPooledLength)
            return Intern(reader.GetString()!);
        return Intern(reader.ValueSpan);
    }

    /// <summary>The string whose UTF-8 bytes are <paramref name="bytes"/> (at most <see cref="MaxPooledLength"/> are pooled).</summary>
    public string Intern(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxPooledLength) return Encoding.UTF8.GetString(bytes);
        return _strings.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(bytes, out var pooled)
            ? pooled
            : Intern(Encoding.UTF8.GetString(bytes));
    }
}
