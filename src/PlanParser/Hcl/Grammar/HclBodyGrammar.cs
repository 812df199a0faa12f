using System.Collections.Immutable;
using Kalc.Iac.PlanParser.Hcl.Syntax;
using Sprache;
using static Kalc.Iac.PlanParser.Hcl.Grammar.HclLexemes;

namespace Kalc.Iac.PlanParser.Hcl.Grammar;

/// <summary>Bodies, attributes and blocks (hclsyntax/spec.md, "Structural Elements"): <c>name = expr</c> and
/// <c>type "label" { ... }</c>, each ended by a newline (or the end of the file); a block opened and closed on one line
/// holds at most one attribute.</summary>
internal static class HclBodyGrammar
{
    public static readonly Parser<HclBody> File = Build();

    private static Parser<HclBody> Build()
    {
        var expressions = HclExpressionGrammar.Create().Lines;
        var label = Identifier(true).Select(id => new HclLabel(id.Value, id.Range))
            .Or(LiteralLabel(expressions.Quoted));
        Parser<HclBody> body = null!;
        var bodyRef = Lazy.Ref(() => body);

        // Built once: the name read before them is combined in the item parser below.
        var attributeValue = Symbol("=", true, "=").Then(_ => expressions.Expression);
        var oneLine =
            from a in Identifier(true).Then(name => attributeValue.Select(e => new HclAttribute(name.Value, name.Range, e))).Optional()
            from close in Symbol("}", true)
            select (Body: new HclBody(a.IsDefined ? [a.Get()] : [], [], close), Close: close);
        var multiLine =
            from nl in EndOfLine
            from b in bodyRef
            from close in Symbol("}", false)
            select (Body: b, Close: close);
        var blockRest =
            from labels in label.Many()
            from open in Symbol("{", true)
            from content in multiLine.Or(oneLine)
            select (Labels: labels, Open: open, content.Body, content.Close);

        // After the name, '=' decides between an attribute and a block.
        Parser<object> item = input =>
        {
            var name = Identifier(true)(input);
            if (!name.WasSuccessful) return Result.Failure<object>(name.Remainder, "expected an attribute or a block", ["attribute or block"]);
            var s = input.Source;
            var p = HclTrivia.Skip(s, name.Remainder.Position, true);
            object value;
            IInput rest;
            if (p < s.Length && s[p] == '=' && !(p + 1 < s.Length && s[p + 1] == '='))
            {
                var a = attributeValue(name.Remainder);
                if (!a.WasSuccessful) return Result.Failure<object>(a.Remainder, a.Message, a.Expectations);
                value = new HclAttribute(name.Value.Value, name.Value.Range, a.Value);
                rest = a.Remainder;
            }
            else
            {
                var b = blockRest(name.Remainder);
                if (!b.WasSuccessful) return Result.Failure<object>(b.Remainder, b.Message, b.Expectations);
                var (labels, open, content, close) = b.Value;
                value = new HclBlock(name.Value.Value, name.Value.Range, [.. labels], content with { Range = new HclRange(open.Start, close.End) },
                    HclRange.Between(name.Value.Range, close));
                rest = b.Remainder;
            }
            var end = EndOfLine(rest);
            return end.WasSuccessful
                ? Result.Success(value, end.Remainder)
                : Result.Failure<object>(end.Remainder, value is HclAttribute ? "unexpected text after the attribute's value: expected a newline" : "expected a newline after the block's '}'", ["newline"]);
        };

        var skipThenItems = SkipAll.Then(_ => item.Then(i => SkipAll.Return(i)).XMany());
        body = input =>
        {
            var items = skipThenItems(input);
            if (!items.WasSuccessful) return Result.Failure<HclBody>(items.Remainder, items.Message, items.Expectations);
            var attributes = ImmutableArray.CreateBuilder<HclAttribute>();
            var blocks = ImmutableArray.CreateBuilder<HclBlock>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var i in items.Value)
            {
                if (i is HclAttribute a)
                {
                    if (!names.Add(a.Name)) return Result.Failure<HclBody>(At(input, a.NameRange.Start), $"attribute \"{a.Name}\" is defined twice in this body", ["unique attribute"]);
                    attributes.Add(a);
                }
                else blocks.Add((HclBlock)i);
            }
            return Result.Success(new HclBody(attributes.ToImmutable(), blocks.ToImmutable(), new HclRange(input.Position, items.Remainder.Position)), items.Remainder);
        };
        return body.End();
    }

    /// <summary>A quoted label: a string without interpolations or directives.</summary>
    private static Parser<HclLabel> LiteralLabel(Parser<HclExpression> quoted) => input =>
    {
        var r = quoted(input);
        if (!r.WasSuccessful) return Result.Failure<HclLabel>(r.Remainder, r.Message, r.Expectations);
        return r.Value is HclTemplate { LiteralText: { } text } t
            ? Result.Success(new HclLabel(text, t.Range), r.Remainder)
            : Result.Failure<HclLabel>(At(input, r.Value.Range.Start), "a block label cannot contain interpolations or directives", ["label"]);
    };
}
