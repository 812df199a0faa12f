using System.Text;
using System.Text.Json;

namespace Kalc.Iac.PlanParser.Json;

/// <summary>A few wanted property names, matched against the name a <see cref="Utf8JsonReader"/> is on by its UTF-8
/// bytes: no string is made and nothing is hashed for the many names that are not wanted.</summary>
internal sealed class Utf8NameSet
{
    private readonly (byte[] Utf8, string Name)[] _names;

    public Utf8NameSet(IEnumerable<string> names) =>
        _names = [.. names.Distinct(StringComparer.Ordinal).Select(n => (Encoding.UTF8.GetBytes(n), n))];

    /// <summary>The wanted name the reader's property name (or string) spells, or null when it is not one of them.</summary>
    public string? Match(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            var text = reader.GetString();
            foreach (var (_, name) in _names)
                if (name == text) return name;
            return null;
        }
        var span = reader.ValueSpan;
        foreach (var (utf8, name) in _names)
            if (span.SequenceEqual(utf8)) return name;
        return null;
    }
}
