using System.Text.Json;

namespace Kalc.Iac.Core;

/// <summary>One copy of each distinct string a reader meets, looked up by its UTF-8 bytes (<see cref="AsciiKeyComparer"/>),
/// so that a repeated one is neither decoded nor allocated again: the plan reader's attribute names, types and providers,
/// the state readers' values (<see cref="JsonStrings"/>). Bounded: strings longer than <c>maxLength</c> are not pooled,
/// and past <c>maxCount</c> the pool either stops taking new strings or starts again (<c>clearWhenFull</c>: a reader
/// whose repeated strings change as it goes). Not thread-safe: one per reader or per thread.</summary>
public sealed class Utf8StringPool(int maxLength, int maxCount, bool clearWhenFull)
{
    private readonly HashSet<string> _strings = new(AsciiKeyComparer.Instance);

    public string Intern(string s)
    {
        if (s.Length > maxLength) return s;
        if (_strings.TryGetValue(s, out var pooled)) return pooled;
        if (_strings.Count >= maxCount)
        {
            if (!clearWhenFull) return s;
            _strings.Clear();
        }
        _strings.Add(s);
        return s;
    }

    /// <summary>The string whose UTF-8 bytes are <paramref name="utf8"/>.</summary>
    public string Intern(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > maxLength) return SharedText.Decode(utf8);
        return _strings.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(utf8, out var pooled) ? pooled : Intern(SharedText.Decode(utf8));
    }

    /// <summary>The string value or property name the reader is on.</summary>
    public string Intern(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > maxLength
            ? Intern(reader.GetString()!)
            : Intern(reader.ValueSpan);
}
