using System.Text.Json;
using Kalc.Iac.Core;

namespace Kalc.Iac.PlanParser.Json;

/// <summary>Where in the input a <see cref="Utf8JsonReader"/>'s own count of lines and columns starts: a reader that
/// starts part way through the input (on one element, or again after an array read without it) counts from 0 there.
/// <paramref name="ReaderColumn"/> is the column the reader believes it is at on that first line.</summary>
internal readonly record struct ReaderOrigin(int Line, int Column, int ReaderColumn)
{
    /// <summary>The reader's syntax error, at its place in the input.</summary>
    public InputError Locate(string file, JsonException e)
    {
        var lines = (int)(e.LineNumber ?? 0);
        var bytes = (int)(e.BytePositionInLine ?? 0);
        return new InputError(file, "not valid JSON: " + JsonTextErrors.Describe(e), Line + lines, lines == 0 ? Column + bytes - ReaderColumn : bytes + 1);
    }
}
