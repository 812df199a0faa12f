using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kalc.Iac.Core.Live;

/// <summary>Serializes a state document the way aws-cli and kubectl print JSON (indented, non-ASCII kept).</summary>
public static class StateJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 4,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static StateDocument Document(string fileName, JsonNode body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
            body.WriteTo(writer);
        return new StateDocument(fileName, buffer.ToArray());
    }
}
