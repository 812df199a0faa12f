using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Live.Signed;

/// <summary>Turns an awsQuery reply (<c>&lt;XResponse&gt;&lt;XResult&gt;...</c>, lists as <c>&lt;member&gt;</c>) into the
/// JSON aws-cli prints for it. Paging elements are returned apart, not put in the document.</summary>
public static class QueryXmlToJson
{
    private const int MaxDepth = 64;

    public static (JsonObject Body, string? NextToken) Convert(ReadOnlySpan<byte> xml, string action, QueryShape shape)
    {
        XDocument doc;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(xml.ToArray()), SafeXml.Settings);
            doc = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new AwsCallException("MalformedResponse", "reply is not valid XML: " + e.Message, null, e);
        }
        var root = doc.Root;
        if (root is null || root.Name.LocalName != action + "Response")
            throw new AwsCallException("MalformedResponse", $"expected <{action}Response>, got <{root?.Name.LocalName}>");
        var result = root.Elements().FirstOrDefault(e => e.Name.LocalName == action + "Result")
            ?? throw new AwsCallException("MalformedResponse", $"no <{action}Result> in the reply");
        var body = new JsonObject();
        string? token = null;
        var truncated = (bool?)null;
        foreach (var child in result.Elements())
        {
            var name = child.Name.LocalName;
            if (shape.Paging.Contains(name))
            {
                if (name == "IsTruncated") truncated = child.Value.Trim() == "true";
                else token = child.Value.Trim();
                continue;
            }
            var value = ConvertElement(child, shape, 1);
            if (value is not null || shape.Lists.Contains(name)) body[name] = value ?? new JsonArray();
        }
        // IAM: the Marker counts only while IsTruncated is true; a stale one would loop forever.
        if (truncated == false) token = null;
        if (truncated == true && string.IsNullOrWhiteSpace(token))
            throw new AwsCallException("MalformedResponse", "IsTruncated is true but no Marker says where the next page starts");
        return (body, string.IsNullOrEmpty(token) ? null : token);
    }

    private static JsonNode? ConvertElement(XElement element, QueryShape shape, int depth)
    {
        if (depth > MaxDepth) throw new AwsCallException("MalformedResponse", $"reply nests deeper than {MaxDepth}");
        var name = element.Name.LocalName;
        if (!element.HasElements)
        {
            var text = element.Value;
            if (shape.Lists.Contains(name)) return text.Trim().Length == 0 ? new JsonArray() : throw Malformed(name, "a list");
            if (text.Length == 0 && element.IsEmpty) return null;
            return Leaf(name, text, shape);
        }
        var children = element.Elements().ToList();
        if (shape.Lists.Contains(name) || children.TrueForAll(c => c.Name.LocalName == "member"))
        {
            var array = new JsonArray();
            foreach (var member in children)
            {
                var item = member.HasElements ? ConvertElement(member, shape, depth + 1) : Leaf(name, member.Value, shape);
                if (item is not null) array.Add(item);
            }
            return array;
        }
        var obj = new JsonObject();
        foreach (var child in children)
        {
            var value = ConvertElement(child, shape, depth + 1);
            if (value is not null) obj[child.Name.LocalName] = value;
        }
        return obj;
    }

    private static JsonNode Leaf(string name, string text, QueryShape shape)
    {
        if (shape.Documents.Contains(name)) return Document(name, text);
        if (shape.Numbers.Contains(name))
        {
            return long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                ? JsonValue.Create(n)
                : throw Malformed(name, "an integer");
        }
        if (shape.Booleans.Contains(name))
        {
            return text.Trim() switch
            {
                "true" => JsonValue.Create(true),
                "false" => JsonValue.Create(false),
                _ => throw Malformed(name, "true or false"),
            };
        }
        return JsonValue.Create(text);
    }

    /// <summary>IAM policy documents arrive URL-encoded (RFC 3986); aws-cli prints them decoded, as JSON.</summary>
    private static JsonNode Document(string name, string text)
    {
        var decoded = text.TrimStart().StartsWith('%') || text.Contains("%22", StringComparison.Ordinal)
            ? Uri.UnescapeDataString(text)
            : text;
        try
        {
            return JsonNode.Parse(decoded, null, JsonLimits.DocumentOptions) ?? throw Malformed(name, "a JSON policy document");
        }
        catch (JsonException e)
        {
            throw new AwsCallException("MalformedResponse", $"<{name}> is not a JSON policy document: {e.Message}", null, e);
        }
    }

    private static AwsCallException Malformed(string name, string expected) =>
        new("MalformedResponse", $"<{name}> is not {expected}");
}
