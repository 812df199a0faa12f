using System.Text.Json;

namespace Kalc.Iac.PlanParser.Json;

/// <summary>Where one JSON value lies in the text a reader reads: kept instead of the value when it may not be needed.</summary>
internal readonly record struct JsonRange(int Start, int Length)
{
    public bool IsEmpty => Length == 0;

    public ReadOnlySpan<byte> Of(ReadOnlySpan<byte> json) => json.Slice(Start, Length);

    /// <summary>From a reader on a property name: moves to the value, skips it and returns where it lies.</summary>
    public static JsonRange Skip(ref Utf8JsonReader reader)
    {
        reader.Read();
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return new JsonRange(start, (int)reader.BytesConsumed - start);
    }
}
