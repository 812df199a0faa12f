using System.Text.Json;
using Kalc.Iac.Core;

namespace Kalc.Iac.PlanParser.Json;

/// <summary>Reading tokens from a <see cref="JsonWindow"/> that may hold only part of the input: when the reader runs
/// out of bytes, the consumed part is dropped, the window refilled and the reader recreated from its state.</summary>
internal static class JsonStream
{
    /// <summary>The next token; false only at the end of the input.</summary>
    public static bool Next(ref Utf8JsonReader reader, JsonWindow window)
    {
        while (!reader.Read())
        {
            if (window.IsFinal) return false;
            Refill(ref reader, window, reader.BytesConsumed, reader.CurrentState);
        }
        return true;
    }

    /// <summary>From a property name, the first token of its value.</summary>
    public static void NextValue(ref Utf8JsonReader reader, JsonWindow window)
    {
        if (!Next(ref reader, window))
            throw new JsonException("the input ends inside a value");
    }

    /// <summary>From the first token of a value, to its last token, reading through as many refills as it takes.</summary>
    public static void SkipValue(ref Utf8JsonReader reader, JsonWindow window)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) return;
        if (reader.TrySkip()) return;
        var depth = reader.CurrentDepth;
        do
        {
            if (!Next(ref reader, window))
                throw new JsonException("the input ends inside a value");
        }
        while (reader.CurrentDepth > depth || reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray));
    }

    private static void Refill(ref Utf8JsonReader reader, JsonWindow window, long consumed, JsonReaderState state)
    {
        window.Advance((int)consumed);
        window.Fill();
        reader = new Utf8JsonReader(window.Span, window.IsFinal, state);
    }
}
