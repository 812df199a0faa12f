using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kalc.Iac.PlanParser.Kubespray.Inventory;

/// <summary>Loads YAML as Ansible (PyYAML, YAML 1.1) reads it, with limits: nesting depth, node count after
/// alias expansion (alias bombs) and size; turns scalars into typed <see cref="PlanValue"/>s.</summary>
public static partial class YamlDocument
{
    public const int MaxDepth = 200;
    public const int MaxNodes = 1_000_000;
    public const int MaxChars = 16 * 1024 * 1024;

    /// <summary>Parses the single (or first) document of <paramref name="text"/>; null when empty.</summary>
    public static YamlNode? Load(string text, string file)
    {
        if (text.Length > MaxChars) throw new InputException(new InputError(file, $"file larger than {MaxChars / 1024 / 1024} MiB"));
        CheckNesting(text, file);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new InputException(new InputError(file, "not valid YAML: " + ErrorText.Excerpt(OneLine(e.Message), 120), (int)e.Start.Line, (int)e.Start.Column));
        }
        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    /// <summary>The top-level keys of a variables file with their values and lines.</summary>
    public static ImmutableArray<(string Name, PlanValue Value, int Line)> TopLevel(YamlNode? root, string file)
    {
        if (root is null || root is YamlScalarNode { Value: null or "" or "~" or "null" }) return [];
        if (root is not YamlMappingNode map)
            throw new InputException(new InputError(file, "a variables file must be a mapping of names to values", Line(root)));
        var budget = new Budget(file);
        var result = ImmutableArray.CreateBuilder<(string, PlanValue, int)>();
        foreach (var (k, v) in map.Children)
            result.Add((KeyText(k, file), ToValue(v, budget, 1), Line(k)));
        return result.ToImmutable();
    }

    public static PlanValue ToValue(YamlNode node, string file) => ToValue(node, new Budget(file), 0);

    public static int Line(YamlNode node) => (int)node.Start.Line;

    public static string KeyText(YamlNode key, string file) => key is YamlScalarNode { Value: { } s }
        ? s
        : throw new InputException(new InputError(file, "a key must be a plain scalar", Line(key)));

    private static PlanValue ToValue(YamlNode node, Budget budget, int depth)
    {
        budget.Spend(node, depth);
        switch (node)
        {
            case YamlScalarNode s:
                return Scalar(s);
            case YamlSequenceNode seq:
                return new PlanList([.. seq.Children.Select(c => ToValue(c, budget, depth + 1))]);
            case YamlMappingNode map:
                var b = ImmutableDictionary.CreateBuilder<string, PlanValue>();
                foreach (var (k, v) in map.Children)
                    b[k is YamlScalarNode { Value: { } ks } ? ks : k.ToString()] = ToValue(v, budget, depth + 1);
                return new PlanObject(b.ToImmutable());
            default:
                return PlanValue.Null;
        }
    }

    /// <summary>YAML 1.1 plain scalars as PyYAML resolves them; quoted scalars stay strings.</summary>
    private static PlanValue Scalar(YamlScalarNode s)
    {
        var v = s.Value ?? "";
        if (!s.Tag.IsEmpty && !s.Tag.IsNonSpecific && s.Tag.Value == "!vault") return PlanValue.Sensitive;
        if (s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
            return new PlanString(v);
        if (!s.Tag.IsEmpty && !s.Tag.IsNonSpecific && s.Tag.Value is "tag:yaml.org,2002:str" or "!!str" or "!unsafe") return new PlanString(v);
        if (v is "" or "~" or "null" or "Null" or "NULL") return PlanValue.Null;
        if (Bool11().IsMatch(v)) return new PlanBool(v[0] is 'y' or 'Y' or 't' or 'T' || v is "on" or "On" or "ON");
        if (Int11().IsMatch(v)) return new PlanNumber(NormaliseInt(v));
        if (Float11().IsMatch(v)) return new PlanNumber(v.Replace("_", ""));
        return new PlanString(v);
    }

    private static string NormaliseInt(string v)
    {
        var t = v.Replace("_", "");
        var neg = t.StartsWith('-');
        var body = t.TrimStart('+', '-');
        if (body.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return (neg ? "-" : "") + long.Parse(body[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        if (body.Length > 1 && body[0] == '0' && body.All(c => c is >= '0' and <= '7'))
            return (neg ? "-" : "") + Convert.ToInt64(body, 8).ToString(CultureInfo.InvariantCulture);
        return (neg ? "-" : "") + body.TrimStart('0') switch { "" => "0", var x => x };
    }

    [GeneratedRegex("^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")]
    private static partial Regex Bool11();

    [GeneratedRegex("^[-+]?(0|[1-9][0-9_]*|0[0-7_]+|0x[0-9a-fA-F_]+)$")]
    private static partial Regex Int11();

    [GeneratedRegex(@"^[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?$")]
    private static partial Regex Float11();

    /// <summary>Rejects flow or compact-sequence nesting deeper than <see cref="MaxDepth"/> before the recursive parser sees it.</summary>
    private static void CheckNesting(string text, string file)
    {
        int depth = 0, line = 1;
        var lineStart = true;
        var seqRun = 0;
        foreach (var c in text)
        {
            if (c == '\n') { line++; lineStart = true; seqRun = 0; depth = Math.Max(0, depth); continue; }
            if (c is '[' or '{') depth++;
            else if (c is ']' or '}') depth--;
            if (lineStart && c == '-') seqRun++;
            else if (lineStart && c is not (' ' or '\t')) lineStart = false;
            if (depth > MaxDepth || seqRun > MaxDepth)
                throw new InputException(new InputError(file, $"nesting deeper than {MaxDepth} levels", line));
        }
    }

    private static string OneLine(string s) => s.Replace('\n', ' ').Replace('\r', ' ').Trim();

    /// <summary>Counts nodes as they are expanded, so a billion-laughs alias chain ends with an error.</summary>
    private sealed class Budget(string file)
    {
        private int _left = MaxNodes;

        public void Spend(YamlNode node, int depth)
        {
            if (--_left < 0)
                throw new InputException(new InputError(file, $"more than {MaxNodes} values after expanding aliases", Line(node)));
            if (depth > MaxDepth)
                throw new InputException(new InputError(file, $"nesting deeper than {MaxDepth} levels", Line(node)));
        }
    }
}
