using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Kalc.Iac.PlanParser.Hcl;
using Kalc.Iac.PlanParser.Hcl.Syntax;

namespace Kalc.Iac.PlanParser.Tests.Hcl;

/// <summary>Turns our syntax tree into the JSON that @cdktf/hcl2json makes of the same file, following the rules of its
/// converter (github.com/tmccombs/hcl2json, convert/convert.go, which it compiles to WebAssembly together with
/// hashicorp/hcl): blocks nest by type then label, always in an array; literals, tuples and objects become JSON values;
/// templates become strings with each interpolation as <c>${SOURCE}</c> and each directive re-spelled as
/// <c>%{if SOURCE}</c>/<c>%{for K, V in SOURCE}</c>; every other expression becomes <c>${SOURCE}</c>, where SOURCE is the
/// exact source text of the node's range (plus a directly following ')', as that converter does). So a match checks
/// the structure, every literal value, and the exact range of every expression. Literal text comes out with <c>${</c> and
/// <c>%{</c> escaped again as <c>$${</c> and <c>%%{</c> (the converter writes Terraform's JSON syntax, where strings are
/// templates), so ours is escaped the same way before comparing.</summary>
internal sealed class Hcl2JsonShape(HclSourceText source)
{
    public JsonObject Body(HclBody body)
    {
        var o = new JsonObject();
        foreach (var b in body.Blocks) Block(b, o);
        foreach (var a in body.Attributes) o[a.Name] = Expression(a.Expression);
        return o;
    }

    private void Block(HclBlock block, JsonObject output)
    {
        var key = block.Type;
        var o = output;
        foreach (var label in block.Labels)
        {
            if (o[key] is not JsonObject next)
            {
                next = [];
                o[key] = next;
            }
            o = next;
            key = label.Value;
        }
        var value = Body(block.Body);
        if (o[key] is JsonArray list) list.Add(value);
        else o[key] = new JsonArray(value);
    }

    private JsonNode? Expression(HclExpression e) => e switch
    {
        HclLiteral l => Literal(l.Value),
        HclUnary { Operand: HclLiteral { Value.Kind: HclValueKind.Number } n, Operator: HclOperator.Negate } => Negate(n.Value.Text),
        HclUnary { Operand: HclLiteral { Value.Kind: HclValueKind.Bool } b, Operator: HclOperator.Not } => JsonValue.Create(!b.Value.IsTrue),
        HclTemplate t => JsonValue.Create(Template(t)),
        HclTemplateWrap w => Expression(w.Wrapped),
        HclTuple t => new JsonArray([.. t.Items.Select(Expression)]),
        HclObject o => Object(o),
        _ => JsonValue.Create(Wrap(e)),
    };

    private JsonObject Object(HclObject o)
    {
        var result = new JsonObject();
        foreach (var item in o.Items) result[Key(item.Key)] = Expression(item.Value);
        return result;
    }

    private string Key(HclExpression key) => IsScopeTraversal(key) ? RangeSource(key.Range) : StringPart(key);

    /// <summary>hclsyntax folds a variable and the attribute/literal-index steps after it into one traversal.</summary>
    private static bool IsScopeTraversal(HclExpression e) => e switch
    {
        HclVariable => true,
        HclGetAttr g => IsScopeTraversal(g.Source),
        HclIndex { Key: HclLiteral or HclTemplate { LiteralText: not null } } i => IsScopeTraversal(i.Source),
        _ => false,
    };

    private string Template(HclTemplate t)
    {
        if (t.LiteralText is { } text) return Escape(text);
        var sb = new StringBuilder();
        foreach (var part in t.Parts) sb.Append(StringPart(part));
        return sb.ToString();
    }

    private string StringPart(HclExpression e) => e switch
    {
        HclLiteral l => l.Value.Kind == HclValueKind.Null ? throw new InvalidOperationException("null in a template") : Escape(l.Value.Text),
        HclTemplate t => Template(t),
        HclTemplateWrap w => StringPart(w.Wrapped),
        HclConditional c => Conditional(c),
        HclTemplateJoin j => For(j.For),
        _ => Wrap(e),
    };

    private string Conditional(HclConditional c)
    {
        var sb = new StringBuilder("%{if ").Append(RangeSource(c.Condition.Range)).Append('}').Append(StringPart(c.TrueResult));
        var otherwise = StringPart(c.FalseResult);
        if (otherwise.Length > 0) sb.Append("%{else}").Append(otherwise);
        return sb.Append("%{endif}").ToString();
    }

    private string For(HclFor f)
    {
        var sb = new StringBuilder("%{for ");
        if (f.KeyVariable is { } k) sb.Append(k).Append(", ");
        sb.Append(f.ValueVariable).Append(" in ").Append(RangeSource(f.Collection.Range)).Append('}').Append(StringPart(f.ValueResult));
        return sb.Append("%{endfor}").ToString();
    }

    private static string Escape(string literal) => literal.Replace("${", "$${", StringComparison.Ordinal).Replace("%{", "%%{", StringComparison.Ordinal);

    private string Wrap(HclExpression e) => "${" + RangeSource(e.Range) + "}";

    private string RangeSource(HclRange r)
    {
        var end = r.End < source.Text.Length && source.Text[r.End] == ')' ? r.End + 1 : r.End;
        return source.Text[r.Start..end];
    }

    private static JsonNode? Literal(HclValue v) => v.Kind switch
    {
        HclValueKind.Null => null,
        HclValueKind.Bool => JsonValue.Create(v.IsTrue),
        HclValueKind.Number => JsonValue.Create(v.AsDouble()),
        _ => JsonValue.Create(v.Text),
    };

    private static JsonValue Negate(string number) => JsonValue.Create(-double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture));
}
