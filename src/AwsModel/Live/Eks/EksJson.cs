using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kalc.Iac.AwsModel.Live.Signed;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Live.Eks;

/// <summary>Reads an EKS (restJson1) reply into aws-cli's shape: same keys, but timestamps, which the wire
/// sends as epoch seconds, printed as ISO 8601 the way aws-cli prints them; nextToken taken out.</summary>
public static class EksJson
{
    public static (JsonObject Body, string? NextToken) Parse(ReadOnlySpan<byte> json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, null, JsonLimits.DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new AwsCallException("MalformedResponse", "reply is not valid JSON: " + e.Message, null, e);
        }
        if (node is not JsonObject body) throw new AwsCallException("MalformedResponse", "reply is not a JSON object");
        string? next = null;
        switch (body["nextToken"])
        {
            case null:
                break;
            case JsonValue token when token.TryGetValue<string>(out var t):
                next = t.Length > 0 ? t : null;
                break;
            default:
                throw new AwsCallException("MalformedResponse", "nextToken is neither a string nor null");
        }
        body.Remove("nextToken");
        ConvertTimestamps(body);
        return (body, next);
    }

    private static void ConvertTimestamps(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (name.EndsWith("At", StringComparison.Ordinal) && obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
                        obj[name] = FormatEpoch(v.GetValue<double>());
                    else
                        ConvertTimestamps(obj[name]);
                }
                break;
            case JsonArray array:
                foreach (var item in array) ConvertTimestamps(item);
                break;
        }
    }

    /// <summary>aws-cli prints timestamps as ISO 8601 with microseconds and an offset: 2024-03-14T15:31:44.348000+00:00.</summary>
    public static string FormatEpoch(double seconds)
    {
        var time = DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
        return time.ToString(time.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'+00:00'" : "yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);
    }
}
