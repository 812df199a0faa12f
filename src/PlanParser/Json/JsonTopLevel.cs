using System.Text.Json;
using Kalc.Iac.Core;

namespace Kalc.Iac.PlanParser.Json;

/// <summary>The start and end checks every top-level JSON reader here makes: not empty, one object, nothing after it.</summary>
internal static class JsonTopLevel
{
    /// <summary>A reader positioned on the opening brace of the document.</summary>
    public static Utf8JsonReader OpenObject(JsonWindow window, string file, string expected)
    {
        if (window.IsFinal && window.Span.Trim(" \t\r\n"u8).IsEmpty)
            throw new InputException(new InputError(file, $"empty input: expected {expected}"));
        var reader = new Utf8JsonReader(window.Span, window.IsFinal, new JsonReaderState(JsonLimits.ReaderOptions));
        if (!JsonStream.Next(ref reader, window))
            throw new InputException(new InputError(file, $"empty input: expected {expected}"));
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new InputException(new InputError(file, $"not {expected}: the document is not a JSON object", window.LineAt(reader.TokenStartIndex)));
        return reader;
    }

    /// <summary>After the property loop: the object must be closed and be the last thing in the input.</summary>
    public static void EnsureEnd(ref Utf8JsonReader reader, JsonWindow window, string file)
    {
        if (reader.TokenType != JsonTokenType.EndObject)
            throw new InputException(new InputError(file, "not valid JSON: unexpected token " + reader.TokenType, window.LineAt(reader.TokenStartIndex)));
        if (JsonStream.Next(ref reader, window))
            throw new InputException(new InputError(file, "not valid JSON: content after the end of the top-level object", window.LineAt(reader.TokenStartIndex)));
    }
}
