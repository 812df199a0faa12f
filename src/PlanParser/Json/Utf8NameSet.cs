using System.Text;
using System.Text.Json;

namespace Kalc.Iac.PlanParser.Json;

/// <summary>A few wanted property names, matched against the name a <see cref="Utf8JsonReader"/> is on by its UTF-8
/// bytes: no string is made and nothing is hashed for the many names that are not wanted.</summary>
internal sealed class Utf8NameSet
{
    private readonly (byte[] Utf8, string Name)[] _names;

    /// <summary>The names by their UTF-8 length: a name read is compared only with the wanted names as long as it (the
    /// wanted set of a type can hold dozens of tie attributes, and every attribute of every change is looked up).</summary>
    private readonly (byte[] Utf8, string Name)[][] _byLength;

    public Utf8NameSet(IEnumerable<string> names)
    {
        _names = [.. names.Distinct(StringComparer.Ordinal).Select(n => (Encoding.UTF8.GetBytes(n), n))];
        var longest = _names.Length == 0 ? 0 : _names.Max(n => n.Utf8.Length);
        _byLength = [.. Enumerable.Range(0, longest + 1).Select(length => _names.Where(n => n.Utf8.Length == length).ToArray())];
    }

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
        if (span.Length >= _byLength.Length) return null;
        foreach (var (utf8, name) in _byLength[span.Length])
            if (span.SequenceEqual(utf8)) return name;
        return null;
    }
}
