using System.Collections.Immutable;
using Kalc.Iac.PlanParser.Hcl.Syntax;
using Sprache;
using static Kalc.Iac.PlanParser.Hcl.Grammar.HclLexemes;

namespace Kalc.Iac.PlanParser.Hcl.Grammar;

/// <summary>HCL's expressions (hclsyntax/spec.md, "Expressions") as Sprache parsers. HCL is newline-sensitive: where an
/// expression ends an attribute or an object item a newline ends it too (<see cref="newlines"/>); inside parentheses,
/// brackets, templates and for-expressions newlines are spaces. So the grammar exists twice, one per mode, and each
/// bracket switches to the other instance, as hclsyntax's parser pushes and pops its newline mode.</summary>
internal sealed class HclExpressionGrammar
{
    private readonly bool newlines;
    private HclExpressionGrammar inner = null!;
    private HclExpressionGrammar lines = null!;

    private HclExpressionGrammar(bool newlines) => this.newlines = newlines;

    /// <summary>The two grammars: [0] newlines end the expression, [1] newlines are spaces.</summary>
    public static (HclExpressionGrammar Lines, HclExpressionGrammar Free) Create()
    {
        var lines = new HclExpressionGrammar(true);
        var free = new HclExpressionGrammar(false);
        lines.inner = free;
        free.inner = free;
        lines.lines = lines;
        free.lines = lines;
        lines.Build();
        free.Build();
        return (lines, free);
    }

    public Parser<HclExpression> Expression { get; private set; } = null!;

    public Parser<HclExpression> Postfixed { get; private set; } = null!;

    /// <summary>A quoted template (block labels are quoted strings).</summary>
    public Parser<HclExpression> Quoted { get; private set; } = null!;

    private Parser<HclExpression> innerExpression = null!;
    private Parser<HclExpression> linesExpression = null!;

    private void Build()
    {
        innerExpression = Lazy.Ref(() => inner.Expression);
        linesExpression = Lazy.Ref(() => lines.Expression);
        var templates = new HclTemplateGrammar(innerExpression);
        Postfixed = PostfixChain(Lazy.Ref(() => Term), full: true);
        var binary = BinaryOperations(Postfixed);
        var expression = Lazy.Ref(() => Expression);
        var question = Symbol("?", newlines);
        var colon = Symbol(":", newlines);
        // condition ? a : b, right-associative; without a '?' the condition is the whole expression.
        Expression = input =>
        {
            var condition = binary(input);
            if (!condition.WasSuccessful) return condition;
            var q = question(condition.Remainder);
            if (!q.WasSuccessful) return condition;
            var t = expression(q.Remainder);
            if (!t.WasSuccessful) return t;
            var c = colon(t.Remainder);
            if (!c.WasSuccessful) return Result.Failure<HclExpression>(c.Remainder, "expected ':' in the conditional expression", [":"]);
            var f = expression(c.Remainder);
            if (!f.WasSuccessful) return f;
            return Result.Success<HclExpression>(new HclConditional(new HclRange(condition.Value.Range.Start, f.Value.Range.End), condition.Value, t.Value, f.Value), f.Remainder);
        };

        var quoted = Quoted = templates.Quoted(newlines);
        var heredoc = templates.Heredoc(newlines);
        var parentheses =
            from open in Symbol("(", newlines)
            from e in innerExpression
            from close in Symbol(")", false)
            select (HclExpression)new HclParentheses(HclRange.Between(open, close), e);
        var number = Number(newlines).Select(n => (HclExpression)new HclLiteral(n.Range, HclValue.Number(n.Value)));
        var tuple = TupleOrFor();
        var obj = ObjectOrFor();
        var identifier = IdentifierTerm();
        var negate = Unary("-", HclOperator.Negate);
        var not = Unary("!", HclOperator.Not, "=");

        // One character decides which term follows, so the term is a dispatch rather than a chain of alternatives.
        Term = input => Peek(input, newlines, out var p) switch
        {
            '"' => quoted(input),
            '<' when p + 1 < input.Source.Length && input.Source[p + 1] == '<' => heredoc(input),
            '(' => parentheses(input),
            '[' => tuple(input),
            '{' => obj(input),
            '-' => negate(input),
            '!' => not(input),
            >= '0' and <= '9' => number(input),
            '\0' => Result.Failure<HclExpression>(At(input, p), "unexpected end of input, expected an expression", ["expression"]),
            _ => identifier(input),
        };
    }

    private Parser<HclExpression> Term { get; set; } = null!;

    private Parser<HclExpression> Unary(string symbol, HclOperator op, string notFollowedBy = "") =>
        from s in Symbol(symbol, newlines, notFollowedBy)
        from operand in Postfixed
        select (HclExpression)new HclUnary(new HclRange(s.Start, operand.Range.End), op, operand);

    /// <summary>Binary operators by precedence climbing (hclsyntax parser.go, parseBinaryOps: left-associative, levels
    /// from <c>||</c> up to <c>* / %</c>). Hand-written: trying each of six levels' operators after every operand with
    /// combinators was most of the parse time.</summary>
    private Parser<HclExpression> BinaryOperations(Parser<HclExpression> operand)
    {
        IResult<HclExpression> Level(IInput input, int minLevel)
        {
            var left = operand(input);
            if (!left.WasSuccessful) return left;
            var expr = left.Value;
            var rest = left.Remainder;
            while (HclOperators.Read(rest.Source, HclTrivia.Skip(rest.Source, rest.Position, newlines)) is { } op && op.Level >= minLevel)
            {
                var right = Level(At(rest, op.End), op.Level + 1);
                if (!right.WasSuccessful) return right;
                expr = new HclBinary(new HclRange(expr.Range.Start, right.Value.Range.End), op.Operator, expr, right.Value);
                rest = right.Remainder;
            }
            return Result.Success(expr, rest);
        }
        return input => Level(input, 0);
    }

    /// <summary>A variable, <c>true</c>/<c>false</c>/<c>null</c>, or a function call (<c>name(</c> or <c>ns::name(</c>).</summary>
    private Parser<HclExpression> IdentifierTerm()
    {
        var namespaced = Identifier(newlines).Then(first =>
            (from sep in Symbol("::", false)
             from next in Identifier(false)
             select next).Many().Select(rest => rest.Aggregate(first, (acc, n) => new Lexeme<string>(acc.Value + "::" + n.Value, HclRange.Between(acc.Range, n.Range)))));
        var args = innerExpression.DelimitedBy(Symbol(",", false)).Optional();
        var call =
            from name in namespaced
            from open in Symbol("(", false)
            from a in args
            from expand in Symbol("...", false).Optional()
            from comma in Symbol(",", false).Optional()
            from close in Symbol(")", false)
            select (HclExpression)new HclFunctionCall(HclRange.Between(name.Range, close), name.Value,
                a.IsDefined ? [.. a.Get()] : [], expand.IsDefined);
        var plain = Identifier(newlines).Select(id => id.Value switch
        {
            "true" => new HclLiteral(id.Range, HclValue.True),
            "false" => new HclLiteral(id.Range, HclValue.False),
            "null" => new HclLiteral(id.Range, HclValue.Null),
            _ => (HclExpression)new HclVariable(id.Range, id.Value),
        });
        return input =>
        {
            var s = input.Source;
            var p = HclTrivia.Skip(s, input.Position, newlines);
            var end = IdentifierEnd(s, p);
            if (end == p) return Result.Failure<HclExpression>(At(input, p), $"unexpected character '{s[p]}', expected an expression", ["expression"]);
            var next = HclTrivia.Skip(s, end, false);
            var isCall = next < s.Length && (s[next] == '(' || (s[next] == ':' && next + 1 < s.Length && s[next + 1] == ':'));
            return isCall ? call(input) : plain(input);
        };
    }

    /// <summary>Attribute access, indexing and splats after a term (hclsyntax parser.go, parseExpressionTraversals).</summary>
    private Parser<HclExpression> PostfixChain(Parser<HclExpression> start, bool full)
    {
        var key = innerExpression;
        return input =>
        {
            var first = start(input);
            if (!first.WasSuccessful) return first;
            var expr = first.Value;
            var rest = first.Remainder;
            while (true)
            {
                var s = rest.Source;
                var p = HclTrivia.Skip(s, rest.Position, newlines);
                if (p >= s.Length) break;
                if (s[p] == '.' && !(p + 1 < s.Length && s[p + 1] == '.'))
                {
                    var q = HclTrivia.Skip(s, p + 1, false);
                    if (q < s.Length && s[q] == '*')
                    {
                        if (!full) break;
                        var item = new HclSplatItem(new HclRange(p, q + 1));
                        var each = AttributeOnlyChain(s, q + 1, item, out var eachEnd);
                        expr = new HclSplat(new HclRange(expr.Range.Start, eachEnd), expr, each, AttributeOnly: true);
                        rest = At(rest, eachEnd);
                        continue;
                    }
                    var idEnd = IdentifierEnd(s, q);
                    if (idEnd > q)
                    {
                        expr = new HclGetAttr(new HclRange(expr.Range.Start, idEnd), expr, s[q..idEnd]);
                        rest = At(rest, idEnd);
                        continue;
                    }
                    var num = Number(false)(At(rest, q));
                    if (num.WasSuccessful)
                    {
                        if (num.Value.Value.Contains('.', StringComparison.Ordinal))
                            return Result.Failure<HclExpression>(At(rest, q), "invalid legacy index syntax: chaining two indexes together is not permitted, use [a][b]", ["index"]);
                        var k = new HclLiteral(num.Value.Range, HclValue.Number(num.Value.Value));
                        expr = new HclIndex(new HclRange(expr.Range.Start, num.Value.Range.End), expr, k, Legacy: true);
                        rest = num.Remainder;
                        continue;
                    }
                    return Result.Failure<HclExpression>(At(rest, q), "an attribute name is required after a dot", ["attribute name"]);
                }
                if (s[p] == '[')
                {
                    var q = HclTrivia.Skip(s, p + 1, false);
                    if (q < s.Length && s[q] == '*')
                    {
                        if (!full) break;
                        var close = HclTrivia.Skip(s, q + 1, false);
                        if (close >= s.Length || s[close] != ']')
                            return Result.Failure<HclExpression>(At(rest, close), "the star of a full splat must be followed by ']'", ["]"]);
                        var item = new HclSplatItem(new HclRange(p, close + 1));
                        var each = PostfixChain(i => Result.Success((HclExpression)item, i), full: true)(At(rest, close + 1));
                        if (!each.WasSuccessful) return each;
                        expr = new HclSplat(new HclRange(expr.Range.Start, each.Value.Range.End), expr, each.Value, AttributeOnly: false);
                        rest = each.Remainder;
                        continue;
                    }
                    var k = key(At(rest, p + 1));
                    if (!k.WasSuccessful) return k;
                    var end = Symbol("]", false)(k.Remainder);
                    if (!end.WasSuccessful) return Result.Failure<HclExpression>(end.Remainder, "missing ']' to close the index", ["]"]);
                    expr = new HclIndex(new HclRange(expr.Range.Start, end.Value.End), expr, k.Value);
                    rest = end.Remainder;
                    continue;
                }
                break;
            }
            return Result.Success(expr, rest);
        };
    }

    /// <summary>The <c>.name</c> steps after an attribute-only splat <c>.*</c> (legacy <c>.0</c> indexes included).</summary>
    private HclExpression AttributeOnlyChain(string s, int p, HclExpression item, out int end)
    {
        var expr = item;
        end = p;
        while (true)
        {
            var dot = HclTrivia.Skip(s, end, newlines);
            if (dot >= s.Length || s[dot] != '.' || (dot + 1 < s.Length && s[dot + 1] == '.')) return expr;
            var q = HclTrivia.Skip(s, dot + 1, false);
            var idEnd = IdentifierEnd(s, q);
            if (idEnd > q)
            {
                expr = new HclGetAttr(new HclRange(item.Range.Start, idEnd), expr, s[q..idEnd]);
                end = idEnd;
                continue;
            }
            var d = q;
            while (d < s.Length && char.IsAsciiDigit(s[d])) d++;
            if (d == q) return expr;
            expr = new HclIndex(new HclRange(item.Range.Start, d), expr, new HclLiteral(new HclRange(q, d), HclValue.Number(s[q..d])), Legacy: true);
            end = d;
        }
    }

    private Parser<HclExpression> TupleOrFor()
    {
        var e = innerExpression;
        var comma = Symbol(",", false);
        var items =
            from first in e
            from more in comma.Then(_ => e).Many()
            from trailing in comma.Optional()
            select (IEnumerable<HclExpression>)[first, .. more];
        var tuple =
            from open in Symbol("[", newlines)
            from list in items.Optional()
            from close in Symbol("]", false)
            select (HclExpression)new HclTuple(HclRange.Between(open, close), list.IsDefined ? [.. list.Get()] : []);
        var forTuple =
            from open in Symbol("[", newlines)
            from head in ForHead()
            from value in e
            from cond in Keyword("if", false).Then(_ => e).Optional()
            from close in Symbol("]", false)
            select (HclExpression)new HclFor(HclRange.Between(open, close), head.Key, head.Value, head.Collection, null, value, cond.GetOrDefault(), false);
        return input => StartsFor(input, '[') ? forTuple(input) : tuple(input);
    }

    private Parser<HclExpression> ObjectOrFor()
    {
        var e = innerExpression;
        var forObject =
            from open in Symbol("{", newlines)
            from head in ForHead()
            from key in e
            from arrow in Symbol("=>", false)
            from value in e
            from grouping in Symbol("...", false).Optional()
            from cond in Keyword("if", false).Then(_ => e).Optional()
            from close in Symbol("}", false)
            select (HclExpression)new HclFor(HclRange.Between(open, close), head.Key, head.Value, head.Collection, key, value, cond.GetOrDefault(), grouping.IsDefined);
        // Object items end at a comma or a newline (hclsyntax parser.go, parseObjectCons); keys and values are
        // newline-sensitive expressions.
        var item =
            from k in linesExpression
            from eq in Symbol("=", true, "=>").Or(Symbol(":", true))
            from v in linesExpression
            select new HclObjectItem(k, v);
        var separator = Symbol(",", true).Or(EndOfLine.Where(r => r.End > r.Start)).Or(Before("}"));
        var obj =
            from open in Symbol("{", newlines)
            from skip in SkipAll
            from items in (from i in item
                           from sep in separator
                           from s2 in SkipAll
                           select i).XMany()
            from close in Symbol("}", false)
            select (HclExpression)new HclObject(HclRange.Between(open, close), [.. items]);
        return input => StartsFor(input, '{') ? forObject(input) : obj(input);
    }

    /// <summary>Succeeds, consuming nothing, when the next token is <paramref name="symbol"/>.</summary>
    private static Parser<HclRange> Before(string symbol) => input =>
    {
        var p = HclTrivia.Skip(input.Source, input.Position, false);
        return string.CompareOrdinal(input.Source, p, symbol, 0, symbol.Length) == 0
            ? Result.Success(new HclRange(p, p), input)
            : Result.Failure<HclRange>(At(input, p), $"expected ',' or a newline between object items", [","]);
    };

    private Parser<(string? Key, string Value, HclExpression Collection)> ForHead()
    {
        var id = Identifier(false);
        return
            from f in Keyword("for", false)
            from first in id
            from second in Symbol(",", false).Then(_ => id).Optional()
            from inKw in Keyword("in", false)
            from coll in innerExpression
            from colon in Symbol(":", false)
            select second.IsDefined ? ((string?)first.Value, second.Get().Value, coll) : (null, first.Value, coll);
    }

    /// <summary>Whether the bracket at the input is followed by the keyword <c>for</c>.</summary>
    private bool StartsFor(IInput input, char bracket)
    {
        var s = input.Source;
        var p = HclTrivia.Skip(s, input.Position, newlines);
        if (p >= s.Length || s[p] != bracket) return false;
        var q = HclTrivia.Skip(s, p + 1, false);
        return IdentifierEnd(s, q) - q == 3 && string.CompareOrdinal(s, q, "for", 0, 3) == 0;
    }
}
