using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kalc.Iac.Core;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Kalc.Iac.KubeModel.Readers;

/// <summary>Turns each document of a YAML stream into JSON bytes, so that YAML manifests and kubectl JSON go
/// through one reader. Built on YamlDotNet's event parser with our own limits: nesting deeper than
/// <see cref="JsonLimits.MaxDepth"/> and documents whose aliases expand to more than <see cref="MaxExpandedNodes"/>
/// nodes ("billion laughs") are rejected as soon as they are seen, before anything is expanded.
/// Plain scalars follow the YAML 1.2 core schema (null, true/false, JSON-shaped numbers); merge keys (&lt;&lt;) are applied.</summary>
public static partial class YamlToJson
{
    public const long MaxExpandedNodes = 1_000_000;

    /// <summary>Calls <paramref name="onDocument"/> with the JSON of each non-empty document and the line it starts on.</summary>
    public static void ReadDocuments(string text, string file, Action<ReadOnlyMemory<byte>, int> onDocument)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out var start))
            {
                var root = ReadDocument(parser);
                parser.Consume<DocumentEnd>();
                if (root is null || root is { Kind: NodeKind.Scalar, Plain: true } && IsNull(root.Value!)) continue;
                onDocument(ToJson(root), (int)start.Start.Line);
            }
            parser.Consume<StreamEnd>();
        }
        catch (YamlException e)
        {
            throw new InputException(new InputError(file, "not valid YAML: " + Reason(e), (int)e.Start.Line, (int)e.Start.Column));
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner gives up on some malformed input this way instead of with a YamlException.
            var after = parser.Current is { } last ? (int?)last.End.Line : null;
            throw new InputException(new InputError(file, $"not valid YAML (the YAML parser stopped: {ErrorText.Excerpt(e.Message, 120)})", after));
        }
    }

    private enum NodeKind { Scalar, Sequence, Mapping }

    private sealed class Node(NodeKind kind)
    {
        public NodeKind Kind { get; } = kind;
        public string? Value { get; init; }
        public bool Plain { get; init; }
        public bool StringTag { get; init; }
        public string? Anchor { get; init; }
        public List<Node> Items { get; } = [];
        public long Size { get; set; } = 1;
        public int Depth { get; set; } = 1;
        public long Line { get; init; }
    }

    /// <summary>Builds one document's tree without recursion; aliases share the anchored node, sizes count the expansion.</summary>
    private static Node? ReadDocument(Parser parser)
    {
        var anchors = new Dictionary<string, Node>(StringComparer.Ordinal);
        var open = new Stack<Node>();
        Node? root = null;
        long total = 0;
        while (true)
        {
            if (open.Count == 0 && root is not null) return root;
            if (parser.Accept<DocumentEnd>(out _)) return root;
            Node? done = null;
            var ev = parser.Current ?? throw new YamlException("unexpected end of the YAML stream");
            switch (ev)
            {
                case Scalar s:
                    done = new Node(NodeKind.Scalar)
                    {
                        Value = s.Value, Plain = s.Style == ScalarStyle.Plain, Anchor = Anchor(s.Anchor), Line = s.Start.Line,
                        StringTag = !s.Tag.IsEmpty && !s.Tag.IsNonSpecific && s.Tag.Value is "tag:yaml.org,2002:str" or "!!str",
                    };
                    break;
                case AnchorAlias a:
                    done = anchors.TryGetValue(a.Value.Value, out var target)
                        ? target
                        : throw new YamlException(a.Start, a.End, $"alias *{a.Value.Value} names no anchor defined before it");
                    break;
                case MappingStart m:
                    open.Push(new Node(NodeKind.Mapping) { Anchor = Anchor(m.Anchor), Line = m.Start.Line });
                    break;
                case SequenceStart q:
                    open.Push(new Node(NodeKind.Sequence) { Anchor = Anchor(q.Anchor), Line = q.Start.Line });
                    break;
                case MappingEnd or SequenceEnd:
                    done = open.Count > 0 ? open.Pop() : throw new YamlException(ev.Start, ev.End, "unbalanced end of a mapping or sequence");
                    break;
                default:
                    throw new YamlException(ev.Start, ev.End, $"unexpected {ev.GetType().Name}");
            }
            parser.MoveNext();
            if (open.Count > JsonLimits.MaxDepth)
                throw new InputException($"YAML nested deeper than {JsonLimits.MaxDepth} levels");
            if (done is null) continue;
            if (done.Anchor is { } name && ev is not AnchorAlias) anchors[name] = done;
            total += done.Size;
            if (total > MaxExpandedNodes || done.Size > MaxExpandedNodes)
                throw new InputException($"YAML document expands to more than {MaxExpandedNodes:N0} nodes through aliases (an alias bomb?); refused");
            if (open.Count == 0)
            {
                root = done;
                continue;
            }
            var parent = open.Peek();
            parent.Items.Add(done);
            parent.Size += done.Size;
            parent.Depth = Math.Max(parent.Depth, done.Depth + 1);
            if (parent.Depth > JsonLimits.MaxDepth)
                throw new InputException($"YAML nested deeper than {JsonLimits.MaxDepth} levels (through aliases)");
        }
    }

    private static string? Anchor(AnchorName a) => a.IsEmpty ? null : a.Value;

    private static ReadOnlyMemory<byte> ToJson(Node root)
    {
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { MaxDepth = JsonLimits.MaxDepth + 8 }))
                Write(writer, root);
        }
        catch (ArgumentException)
        {
            // Utf8JsonWriter refuses text that is not valid UTF-16: a "\uD800" escape in a double-quoted scalar.
            throw new InputException("a YAML string has an invalid \\u escape (a lone UTF-16 surrogate)");
        }
        return buffer.WrittenMemory;
    }

    private static void Write(Utf8JsonWriter w, Node n)
    {
        switch (n.Kind)
        {
            case NodeKind.Scalar:
                WriteScalar(w, n);
                break;
            case NodeKind.Sequence:
                w.WriteStartArray();
                foreach (var item in n.Items) Write(w, item);
                w.WriteEndArray();
                break;
            default:
                w.WriteStartObject();
                var written = new HashSet<string>(StringComparer.Ordinal);
                var merges = new List<Node>();
                for (var i = 0; i + 1 < n.Items.Count; i += 2)
                {
                    var key = KeyText(n.Items[i]);
                    if (key == "<<" && n.Items[i].Plain) { merges.Add(n.Items[i + 1]); continue; }
                    if (!written.Add(key)) continue; // a repeated key: the first wins, as in JSON readers
                    w.WritePropertyName(key);
                    Write(w, n.Items[i + 1]);
                }
                foreach (var source in merges.SelectMany(m => m.Kind == NodeKind.Sequence ? m.Items : [m]))
                {
                    if (source.Kind != NodeKind.Mapping)
                        throw new InputException(new InputError("?", "a merge key (<<) must name a mapping", (int)source.Line));
                    for (var i = 0; i + 1 < source.Items.Count; i += 2)
                    {
                        var key = KeyText(source.Items[i]);
                        if (!written.Add(key)) continue;
                        w.WritePropertyName(key);
                        Write(w, source.Items[i + 1]);
                    }
                }
                w.WriteEndObject();
                break;
        }
    }

    private static string KeyText(Node key) => key.Kind == NodeKind.Scalar
        ? key.Value!
        : throw new InputException(new InputError("?", "a mapping key that is itself a mapping or sequence is not supported", (int)key.Line));

    private static void WriteScalar(Utf8JsonWriter w, Node n)
    {
        var v = n.Value!;
        if (!n.Plain || n.StringTag) w.WriteStringValue(v);
        else if (IsNull(v)) w.WriteNullValue();
        else if (v is "true" or "True" or "TRUE") w.WriteBooleanValue(true);
        else if (v is "false" or "False" or "FALSE") w.WriteBooleanValue(false);
        else if (JsonNumber().IsMatch(v)) w.WriteRawValue(v, skipInputValidation: true);
        else w.WriteStringValue(v);
    }

    private static bool IsNull(string v) => v is "" or "~" or "null" or "Null" or "NULL";

    [GeneratedRegex(@"^-?(0|[1-9][0-9]{0,30})(\.[0-9]{1,30})?([eE][-+]?[0-9]{1,3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();

    private static string Reason(YamlException e)
    {
        var m = (e.InnerException ?? e).Message;
        var i = m.IndexOf("): ", StringComparison.Ordinal);
        return ErrorText.Excerpt((i >= 0 && m.StartsWith('(') ? m[(i + 3)..] : m).Replace('\n', ' ').Replace('\r', ' ').Trim(), 120);
    }
}
