using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Live.Signed;

/// <summary>Finds the error code and message in a failed reply, per protocol (shapes in
/// fixtures/aws-api/SOURCES.md and botocore's protocol tests). A body it cannot read yields the HTTP status.</summary>
public static class AwsErrorReader
{
    public static (string Code, string Message) Read(AwsProtocol protocol, int status, HttpResponseHeaders headers, ReadOnlySpan<byte> body)
    {
        var fallback = ($"Http{status}", $"HTTP {status} with no readable error body");
        try
        {
            return protocol == AwsProtocol.RestJson ? ReadRestJson(headers, body) ?? fallback : ReadXml(body) ?? fallback;
        }
        catch (Exception e) when (e is XmlException or JsonException)
        {
            return fallback;
        }
    }

    private static (string, string)? ReadXml(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty) return null;
        using var reader = XmlReader.Create(new MemoryStream(body.ToArray()), SafeXml.Settings);
        string? code = null, message = null;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            if (reader.LocalName == "Code" && code is null) code = reader.ReadElementContentAsString().Trim();
            else if (reader.LocalName == "Message" && message is null) message = reader.ReadElementContentAsString().Trim();
        }
        return code is null ? null : (code, message ?? "");
    }

    private static (string, string)? ReadRestJson(HttpResponseHeaders headers, ReadOnlySpan<byte> body)
    {
        string? code = headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.FirstOrDefault() : null;
        string? message = null;
        if (!body.IsEmpty)
        {
            using var doc = JsonDocument.Parse(body.ToArray(), JsonLimits.DocumentOptions);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in doc.RootElement.EnumerateObject())
                {
                    if (p.Value.ValueKind != JsonValueKind.String) continue;
                    if (p.NameEquals("__type") || p.NameEquals("code")) code ??= p.Value.GetString();
                    else if (p.Name.Equals("message", StringComparison.OrdinalIgnoreCase)) message = p.Value.GetString();
                }
            }
        }
        return code is null ? null : (CleanRestJsonCode(code), message ?? "");
    }

    /// <summary>"aws.protocoltests.restjson#FooError:http://internal.amazon.com/..." -> "FooError".</summary>
    public static string CleanRestJsonCode(string code)
    {
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0) code = code[..colon];
        var hash = code.LastIndexOf('#');
        return hash >= 0 ? code[(hash + 1)..] : code;
    }
}
