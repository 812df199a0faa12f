using System.Text.Json;
using Kalc.Iac.Core;

namespace Kalc.Iac.PlanParser.Json;

/// <summary>The start and end checks every top-level JSON reader here makes: not empty, one object, nothing after it.</summary>
internal static class JsonTopLevel
{
    /// <summary>A reader positioned on the opening brace of the document.</summary>
    public static Utf8JsonReader OpenObject(ReadOnlySpan<byte> span, string file, string expected, LineCounter lines)
    {
        if (span.Trim(" \t\r\n"u8).IsEmpty)
            throw new InputException(new InputError(file, $"empty input: expected {expected}"));
        var reader = new Utf8JsonReader(span, JsonLimits.ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new InputException(new InputError(file, $"not {expected}: the document is not a JSON object", lines.LineAt(span, reader.TokenStartIndex)));
        return reader;
    }

    /// <summary>After the property loop: the object must be closed and be the last thing in the input.</summary>
    public static void EnsureEnd(ref Utf8JsonReader reader, ReadOnlySpan<byte> span, string file, LineCounter lines)
    {
        if (reader.TokenType != JsonTokenType.EndObject)
            throw new InputException(new InputError(file, "not valid JSON: unexpected token " + reader.TokenType, lines.LineAt(span, reader.TokenStartIndex)));
        if (reader.Read())
            throw new InputException(new InputError(file, "not valid JSON: content after the end of the top-level object", lines.LineAt(span, reader.TokenStartIndex)));
    }
}
