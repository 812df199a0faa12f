using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Text;

/// <summary>Reads the body of a <c>resource "T" "N" {</c> block of Terraform 0.12+ text into before/after
/// values: attributes, nested blocks, lists, maps, sets, <c>jsonencode(...)</c> and heredocs, with the
/// <c>+ - ~</c> marker of each line deciding which side a value belongs to.</summary>
internal sealed partial class BodyParser
{
    private const int MaxDepth = 64;

    private readonly IReadOnlyList<PlanLine> lines;
    private readonly string file;
    private readonly int openLine;
    private readonly List<string> replacePaths = [];
    private int hidden;

    public BodyParser(IReadOnlyList<PlanLine> lines, int start, string file)
    {
        this.lines = lines;
        this.file = file;
        Position = start;
        openLine = start > 0 && start <= lines.Count ? lines[start - 1].Number : 0;
    }

    /// <summary>Index of the next unread line.</summary>
    public int Position { get; private set; }

    /// <summary>False when the text hid something (unchanged attributes, blocks, elements, sensitive blocks).</summary>
    public bool Complete => hidden == 0;

    public ImmutableArray<string> ReplacePaths => [.. replacePaths.Distinct()];

    [GeneratedRegex(@"^(?<key>""(?:[^""\\]|\\.)*""|[^\s=""{\[]+)\s*=\s?(?<rhs>.*)$")]
    private static partial Regex Attribute();

    // A nested block: NAME {, "NAME:escaped" { (a name that is not an HCL identifier is printed %q-quoted),
    // NAME "KEY" { (nesting mode map), and NAME {} when the block has nothing to show (renderers/block.go,
    // format/diff.go writeNestedBlockDiff in 0.12-1.2).
    [GeneratedRegex(@"^(?<name>""(?:[^""\\]|\\.)*""|[A-Za-z_][\w-]*)(?:\s+(?<label>""(?:[^""\\]|\\.)*""))?\s*\{(?<rest>.*)$")]
    private static partial Regex NestedBlock();

    /// <summary>Reads from the line after the opening brace through the closing one.</summary>
    public Diff ReadResourceBody() => ReadEntries("", '}', 0).Value;

    private (Diff Value, string Suffix) ReadEntries(string path, char close, int depth)
    {
        CheckDepth(depth);
        var before = ImmutableDictionary.CreateBuilder<string, PlanValue>(StringComparer.Ordinal);
        var after = ImmutableDictionary.CreateBuilder<string, PlanValue>(StringComparer.Ordinal);
        var blocksBefore = new NestedBlocks();
        var blocksAfter = new NestedBlocks();
        var sensitive = false;
        while (true)
        {
            var line = Next();
            var t = line.Trimmed;
            if (t.Length == 0) continue;
            if (t[0] == close)
            {
                blocksBefore.WriteTo(before);
                blocksAfter.WriteTo(after);
                var value = sensitive
                    ? new Diff(PlanValue.Sensitive, PlanValue.Sensitive)
                    : new Diff(new PlanObject(before.ToImmutable()), new PlanObject(after.ToImmutable()));
                return (value, t[1..]);
            }
            if (t[0] == '#')
            {
                sensitive |= Comment(t, line);
                continue;
            }
            var (marker, rest) = SplitMarker(t);
            var attribute = Attribute().Match(rest);
            if (attribute.Success)
            {
                var rawKey = attribute.Groups["key"].Value;
                var key = rawKey.StartsWith('"') ? ScalarText.Unquote(rawKey) : rawKey;
                var d = ReadValue(marker, attribute.Groups["rhs"].Value, Join(path, key), depth + 1);
                if (d.Before is { } b) before[key] = b;
                // A quoted key is a map element: "- "k" = v -> null" removes it rather than setting it to null.
                if (d.After is { } a && !(marker == "-" && rawKey.StartsWith('"') && a.IsNull)) after[key] = a;
                continue;
            }
            var block = NestedBlock().Match(rest);
            if (block.Success)
            {
                var rawName = block.Groups["name"].Value;
                var name = rawName.StartsWith('"') ? ScalarText.Unquote(rawName) : rawName;
                string? label = block.Groups["label"].Success ? ScalarText.Unquote(block.Groups["label"].Value) : null;
                var blockPath = label is null ? Join(path, name) : Join(Join(path, name), label);
                var opened = block.Groups["rest"].Value.TrimStart();
                if (opened.Contains("forces replacement", StringComparison.Ordinal)) replacePaths.Add(blockPath);
                var (inner, suffix) = opened.StartsWith('}')
                    ? (new Diff(PlanObject.Empty, PlanObject.Empty), opened[1..]) // NAME {} : a block with nothing to show
                    : ReadEntries(blockPath, '}', depth + 1);
                var d = inner.Marked(marker, ClosingRight(suffix, blockPath, depth));
                if (d.Before is { } b) blocksBefore.Add(name, label, b);
                if (d.After is { } a) blocksAfter.Add(name, label, a);
                continue;
            }
            hidden++; // a line we cannot place: the values are incomplete, not wrong
        }
    }

    private (Diff Value, string Suffix) ReadList(string path, int depth)
    {
        CheckDepth(depth);
        var before = ImmutableArray.CreateBuilder<PlanValue>();
        var after = ImmutableArray.CreateBuilder<PlanValue>();
        while (true)
        {
            var line = Next();
            var t = line.Trimmed;
            if (t.Length == 0) continue;
            if (t[0] == ']') return (new Diff(new PlanList(before.ToImmutable()), new PlanList(after.ToImmutable())), t[1..]);
            if (t[0] == '#')
            {
                Comment(t, line);
                continue;
            }
            var (marker, rest) = SplitMarker(t);
            var d = ReadValue(marker, rest, $"{path}[{after.Count}]", depth + 1);
            if (d.Before is { } b) before.Add(b);
            if (d.After is { } a) after.Add(a);
        }
    }

    /// <summary>The right-hand side of <c>key = ...</c> or a list item, single- or multi-line.</summary>
    private Diff ReadValue(string marker, string rhs, string path, int depth)
    {
        var (text, forces) = ScalarText.WithoutComment(rhs);
        if (forces) replacePaths.Add(path);
        text = text.TrimEnd(',');
        var (left, right) = ScalarText.SplitArrow(text);
        if (right is not null && IsOpener(right))
        {
            var (opened, suffix) = ReadOpened(marker, right, path, depth);
            ClosingRight(suffix, path, depth); // "] # forces replacement" on the closing line
            return new Diff(ScalarText.Parse(left), opened.After);
        }
        if (right is null && IsOpener(left))
        {
            var (opened, suffix) = ReadOpened(marker, left, path, depth);
            return opened.Marked(marker, ClosingRight(suffix, path, depth));
        }
        if (left.StartsWith("jsonencode(", StringComparison.Ordinal) && left.EndsWith(')'))
            return Sides(marker, JsonEncodeValue.FromInline(left[11..^1]), right is null ? null : SingleLine(right));
        return Sides(marker, SingleLine(left), right is null ? null : SingleLine(right));
    }

    private static PlanValue SingleLine(string text) =>
        text.StartsWith("jsonencode(", StringComparison.Ordinal) && text.EndsWith(')')
            ? JsonEncodeValue.FromInline(text[11..^1])
            : ScalarText.Parse(text);

    private static Diff Sides(string marker, PlanValue left, PlanValue? right) => marker switch
    {
        "+" => new Diff(null, right ?? left),
        "-" => new Diff(left, right),
        _ => new Diff(left, right ?? left),
    };

    private static bool IsOpener(string s) => s is "[" or "{" or "jsonencode(" || s.StartsWith("<<", StringComparison.Ordinal);

    private (Diff Value, string Suffix) ReadOpened(string marker, string opener, string path, int depth) => opener switch
    {
        "[" => ReadList(path, depth),
        "{" => ReadEntries(path, '}', depth),
        "jsonencode(" => ReadJsonEncode(path, depth),
        _ => ReadHeredoc(marker, opener.TrimStart('<').TrimStart('-').Trim()),
    };

    private (Diff Value, string Suffix) ReadJsonEncode(string path, int depth)
    {
        CheckDepth(depth);
        var hiddenBefore = hidden;
        var inner = new Diff(null, null);
        while (true)
        {
            var line = Next();
            var t = line.Trimmed;
            if (t.Length == 0) continue;
            if (t[0] == ')')
            {
                var partial = hidden != hiddenBefore;
                return (new Diff(JsonEncodeValue.Of(inner.Before, partial), JsonEncodeValue.Of(inner.After, partial)), t[1..]);
            }
            if (t[0] == '#')
            {
                Comment(t, line);
                continue;
            }
            var (marker, rest) = SplitMarker(t);
            inner = ReadValue(marker, rest, path, depth + 1);
        }
    }

    private (Diff Value, string Suffix) ReadHeredoc(string marker, string delimiter)
    {
        var body = new List<string>();
        while (true)
        {
            var line = Next();
            var t = line.Trimmed;
            if (t == delimiter || t.StartsWith(delimiter + " ", StringComparison.Ordinal) || t.StartsWith(delimiter + ",", StringComparison.Ordinal))
            {
                var column = line.Text.IndexOf(delimiter, StringComparison.Ordinal);
                return (Heredoc.Sides(body, column, diffed: marker == "~", ref hidden), t[delimiter.Length..]);
            }
            body.Add(line.Text);
        }
    }

    /// <summary>The value after <c>-&gt;</c> on a closing line (<c>] -&gt; null</c>), or null when there is none.
    /// A type change opens the new value there (<c>} -&gt; [</c>, <c>EOT -&gt; jsonencode(</c>, <c>) -&gt; &lt;&lt;-EOT</c>;
    /// renderers/type_change.go, primitive.go); it is read to its own close.</summary>
    private PlanValue? ClosingRight(string suffix, string path, int depth)
    {
        var (text, forces) = ScalarText.WithoutComment(suffix.TrimStart(','));
        if (forces) replacePaths.Add(path);
        text = text.Trim().TrimEnd(',');
        if (!text.StartsWith("->", StringComparison.Ordinal)) return null;
        var right = text[2..].Trim();
        if (!IsOpener(right)) return ScalarText.Parse(right);
        var (opened, rest) = ReadOpened("+", right, path, depth);
        ClosingRight(rest, path, depth);
        return opened.After;
    }

    /// <summary>Counts hidden-content notes; true for "this block is (or was) sensitive".</summary>
    private bool Comment(string trimmed, PlanLine line)
    {
        if (ResourceHeader.TryParse(trimmed) is not null) throw NotClosed(line);
        if (trimmed.Contains("unchanged", StringComparison.Ordinal) && trimmed.Contains("hidden", StringComparison.Ordinal)) hidden++;
        if (!trimmed.Contains("is (or was) sensitive", StringComparison.Ordinal)) return false;
        hidden++;
        return true;
    }

    private PlanLine Next()
    {
        if (Position >= lines.Count)
            throw new InputException(new InputError(file, $"truncated plan: the resource block opened at line {openLine} is not closed", openLine));
        var line = lines[Position++];
        if (line.Trimmed.StartsWith("Plan: ", StringComparison.Ordinal) && PlanSummary.TryParse(line.Trimmed) is not null) throw NotClosed(line);
        return line;
    }

    private InputException NotClosed(PlanLine line) =>
        new(new InputError(file, $"truncated plan: the resource block opened at line {openLine} is not closed before line {line.Number}", line.Number));

    private void CheckDepth(int depth)
    {
        if (depth > MaxDepth)
            throw new InputException(new InputError(file, $"values nested deeper than {MaxDepth} levels", lines[Position - 1].Number));
    }

    internal static (string Marker, string Remainder) SplitMarker(string t)
    {
        foreach (var m in (ReadOnlySpan<string>)["-/+", "+/-", "<=", "+", "-", "~"])
        {
            if (t.Length > m.Length && t.StartsWith(m, StringComparison.Ordinal) && t[m.Length] == ' ')
                return (m is "-/+" or "+/-" ? "~" : m, t[(m.Length + 1)..].TrimStart());
        }
        return ("", t);
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

}
