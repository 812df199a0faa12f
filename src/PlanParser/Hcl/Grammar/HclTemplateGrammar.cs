using System.Collections.Immutable;
using System.Text;
using Kalc.Iac.PlanParser.Hcl.Syntax;
using Sprache;
using static Kalc.Iac.PlanParser.Hcl.Grammar.HclLexemes;

namespace Kalc.Iac.PlanParser.Hcl.Grammar;

/// <summary>Quoted templates and heredocs (hclsyntax/spec.md, "Template Expressions"): literal text, <c>${ }</c>
/// interpolations and <c>%{ }</c> directives with <c>~</c> strip markers, <c>$${</c> / <c>%%{</c> escapes, and for
/// <c>&lt;&lt;-</c> heredocs the removal of the common indentation. Scanning the text is hand-written (one pass over the
/// characters); every expression inside goes through the Sprache expression grammar.</summary>
internal sealed class HclTemplateGrammar(Parser<HclExpression> expression)
{
    private readonly Parser<(HclRange, HclExpression?, string?)> directiveBody = DirectiveBody(expression);

    public Parser<HclExpression> Quoted(bool newlines) => input =>
    {
        var s = input.Source;
        var open = HclTrivia.Skip(s, input.Position, newlines);
        if (open >= s.Length || s[open] != '"') return Result.Failure<HclExpression>(At(input, open), "expected '\"'", ["\""]);
        var tokens = new List<TemplateToken>();
        var failure = ReadParts(input, open + 1, heredocMarker: null, tokens, out var close);
        if (failure is not null) return failure;
        return Build(input, tokens, new HclRange(open, close + 1), flush: false, At(input, close + 1));
    };

    public Parser<HclExpression> Heredoc(bool newlines) => input =>
    {
        var s = input.Source;
        var open = HclTrivia.Skip(s, input.Position, newlines);
        var p = open + 2;
        var flush = p < s.Length && s[p] == '-';
        if (flush) p++;
        var markerEnd = IdentifierEnd(s, p);
        if (markerEnd == p) return Result.Failure<HclExpression>(At(input, p), "a heredoc needs an identifier after '<<'", ["heredoc marker"]);
        var lineEnd = HclTrivia.NewlineEnd(s, markerEnd);
        if (lineEnd < 0 || s[markerEnd] is '#' or '/')
            return Result.Failure<HclExpression>(At(input, markerEnd), "a heredoc marker must be followed by a newline", ["newline"]);
        var tokens = new List<TemplateToken>();
        var failure = ReadParts(input, lineEnd, s[p..markerEnd], tokens, out var closeEnd);
        if (failure is not null) return failure;
        return Build(input, tokens, new HclRange(open, closeEnd), flush, At(input, closeEnd));
    };

    /// <summary>Reads template parts from <paramref name="p"/> to the closing quote (its offset in <paramref name="end"/>)
    /// or to the heredoc's closing marker line (the end of the marker in <paramref name="end"/>).</summary>
    private IResult<HclExpression>? ReadParts(IInput input, int p, string? heredocMarker, List<TemplateToken> tokens, out int end)
    {
        var s = input.Source;
        var lineStart = heredocMarker is not null;
        var trimNext = false;
        var previousIsLiteral = false;
        end = p;
        while (true)
        {
            if (heredocMarker is not null && lineStart && ClosingMarkerEnd(s, p, heredocMarker) is var closing and >= 0)
            {
                end = closing;
                return null;
            }
            if (p >= s.Length)
                return Result.Failure<HclExpression>(At(input, p), heredocMarker is null ? "unterminated string: no closing '\"'" : $"unterminated heredoc: no closing '{heredocMarker}' line", ["end of template"]);
            if (heredocMarker is null && s[p] == '"')
            {
                end = p;
                return null;
            }
            if (heredocMarker is null && s[p] == '\n')
                return Result.Failure<HclExpression>(At(input, p), "a quoted string cannot span lines (use a heredoc)", ["\""]);
            var startsSequence = p + 1 < s.Length && s[p + 1] == '{' && s[p] is '$' or '%';
            if (!startsSequence)
            {
                var (text, litEnd) = ReadLiteral(s, p, heredocMarker is not null);
                if (text is null) return Result.Failure<HclExpression>(At(input, litEnd), "invalid escape sequence in a quoted string", ["escape"]);
                if (trimNext) text = text.TrimStart();
                tokens.Add(new LiteralToken(new HclRange(p, litEnd), text));
                lineStart = litEnd > p && s[litEnd - 1] == '\n';
                p = litEnd;
                trimNext = false;
                previousIsLiteral = true;
                continue;
            }
            var isInterpolation = s[p] == '$';
            var seqStart = p;
            p += 2;
            if (p < s.Length && s[p] == '~')
            {
                p++;
                if (previousIsLiteral && tokens[^1] is LiteralToken prev) prev.Value = prev.Value.TrimEnd();
            }
            trimNext = false;
            previousIsLiteral = false;
            lineStart = false;
            HclExpression? expr = null;
            string? keyword = null;
            TemplateToken? token = null;
            if (isInterpolation)
            {
                var r = expression(At(input, p));
                if (!r.WasSuccessful) return r;
                expr = r.Value;
                p = r.Remainder.Position;
            }
            else
            {
                var r = directiveBody(At(input, p));
                if (!r.WasSuccessful) return Result.Failure<HclExpression>(r.Remainder, r.Message, r.Expectations);
                (_, expr, keyword) = r.Value;
                p = r.Remainder.Position;
            }
            p = HclTrivia.Skip(s, p, false);
            var strip = p < s.Length && s[p] == '~';
            if (strip) p++;
            if (p >= s.Length || s[p] != '}')
                return Result.Failure<HclExpression>(At(input, p), isInterpolation ? "extra characters after the interpolation expression: expected '}'" : "extra characters in the template directive: expected '}'", ["}"]);
            p++;
            trimNext = strip;
            var range = new HclRange(seqStart, p);
            token = isInterpolation ? new InterpolationToken(range, expr!) : keyword switch
            {
                "if" => new IfToken(range, expr!),
                "else" => new EndToken(range, EndKind.Else),
                "endif" => new EndToken(range, EndKind.EndIf),
                "endfor" => new EndToken(range, EndKind.EndFor),
                _ => ForFromDirective(range, keyword!, expr!),
            };
            tokens.Add(token);
        }
    }

    /// <summary>The keyword and expression of a <c>%{ }</c> directive. A for directive's names travel in the keyword as
    /// <c>for KEY,VALUE</c>.</summary>
    private static Parser<(HclRange, HclExpression?, string?)> DirectiveBody(Parser<HclExpression> expression)
    {
        var id = Identifier(false);
        var ifDirective = from kw in Keyword("if", false) from cond in expression select (kw, (HclExpression?)cond, (string?)"if");
        var forDirective =
            from kw in Keyword("for", false)
            from first in id
            from second in Symbol(",", false).Then(_ => id).Optional()
            from inKw in Keyword("in", false)
            from coll in expression
            select (kw, (HclExpression?)coll, (string?)("for " + (second.IsDefined ? first.Value + "," + second.Get().Value : "," + first.Value)));
        var simple = Keyword("else", false).Select(r => (r, (HclExpression?)null, (string?)"else"))
            .Or(Keyword("endif", false).Select(r => (r, (HclExpression?)null, (string?)"endif")))
            .Or(Keyword("endfor", false).Select(r => (r, (HclExpression?)null, (string?)"endfor")));
        return ifDirective.Or(forDirective).Or(simple)
            .Or(input => Result.Failure<(HclRange, HclExpression?, string?)>(input, "invalid template directive: expected if, for, else, endif or endfor", ["directive"]));
    }

    private static ForToken ForFromDirective(HclRange range, string keyword, HclExpression collection)
    {
        var names = keyword["for ".Length..].Split(',');
        return new ForToken(range, names[0].Length == 0 ? null : names[0], names[1], collection);
    }

    /// <summary>Literal text from <paramref name="p"/> to the next sequence, the closing quote, or (heredoc) just after
    /// the end of the line. Quoted strings decode backslash escapes; both decode <c>$${</c> and <c>%%{</c>.
    /// Returns a null text (and the offset of the bad escape) for an invalid escape.</summary>
    private static (string? Text, int End) ReadLiteral(string s, int p, bool heredoc)
    {
        StringBuilder? sb = null;
        var runStart = p;
        var i = p;
        while (i < s.Length)
        {
            var c = s[i];
            if (heredoc && c == '\n')
            {
                i++;
                break;
            }
            if (!heredoc && (c == '"' || c == '\n')) break;
            if ((c == '$' || c == '%') && i + 1 < s.Length)
            {
                if (s[i + 1] == '{') break;
                if (s[i + 1] == c && i + 2 < s.Length && s[i + 2] == '{')
                {
                    sb ??= new StringBuilder();
                    sb.Append(s, runStart, i - runStart).Append(c).Append('{');
                    i += 3;
                    runStart = i;
                    continue;
                }
            }
            if (!heredoc && c == '\\')
            {
                sb ??= new StringBuilder();
                sb.Append(s, runStart, i - runStart);
                var (decoded, next) = Escape(s, i);
                if (decoded is null) return (null, i);
                sb.Append(decoded);
                i = next;
                runStart = i;
                continue;
            }
            i++;
        }
        if (sb is null) return (Nfc(s[p..i]), i);
        sb.Append(s, runStart, i - runStart);
        return (Nfc(sb.ToString()), i);
    }

    /// <summary>HCL normalises literal text to Unicode NFC (hclsyntax ParseStringLiteralToken).</summary>
    private static string Nfc(string text)
    {
        foreach (var c in text)
            if (c > 127) return text.Normalize(NormalizationForm.FormC);
        return text;
    }

    private static (string? Text, int Next) Escape(string s, int i)
    {
        if (i + 1 >= s.Length) return (null, i);
        switch (s[i + 1])
        {
            case 'n': return ("\n", i + 2);
            case 'r': return ("\r", i + 2);
            case 't': return ("\t", i + 2);
            case '"': return ("\"", i + 2);
            case '\\': return ("\\", i + 2);
            case 'u' or 'U':
                var digits = s[i + 1] == 'u' ? 4 : 8;
                if (i + 2 + digits > s.Length) return (null, i);
                if (!int.TryParse(s.AsSpan(i + 2, digits), System.Globalization.NumberStyles.HexNumber, null, out var code)) return (null, i);
                try
                {
                    return (char.ConvertFromUtf32(code), i + 2 + digits);
                }
                catch (ArgumentOutOfRangeException)
                {
                    return (null, i);
                }
            default:
                return (null, i);
        }
    }

    /// <summary>When the line at <paramref name="p"/> is the heredoc's closing marker (indentation allowed), where the
    /// marker ends; else -1.</summary>
    private static int ClosingMarkerEnd(string s, int p, string marker)
    {
        var i = p;
        while (i < s.Length && s[i] is ' ' or '\t') i++;
        if (string.CompareOrdinal(s, i, marker, 0, marker.Length) != 0) return -1;
        var end = i + marker.Length;
        if (end == s.Length || s[end] == '\n' || (s[end] == '\r' && end + 1 < s.Length && s[end + 1] == '\n')) return end;
        return -1;
    }

    private static IResult<HclExpression> Build(IInput input, List<TemplateToken> tokens, HclRange range, bool flush, IInput remainder)
    {
        if (flush) HeredocIndentation.Remove(tokens);
        Meld(tokens);
        if (tokens.Count == 0) tokens.Add(new LiteralToken(new HclRange(range.Start + 1, range.Start + 1), ""));
        if (tokens is [InterpolationToken only]) return Result.Success<HclExpression>(new HclTemplateWrap(range, only.Expression), remainder);
        var position = 0;
        var parts = Nest(tokens, ref position, out var error);
        if (error is not null) return Result.Failure<HclExpression>(HclLexemes.At(input, error.Value.Range.Start), error.Value.Message, ["directive"]);
        return Result.Success<HclExpression>(new HclTemplate(range, parts), remainder);
    }

    /// <summary>Joins consecutive literal tokens (after trimming), as hclsyntax's meldConsecutiveStringLiterals.</summary>
    private static void Meld(List<TemplateToken> tokens)
    {
        var kept = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (kept > 0 && tokens[kept - 1] is LiteralToken a && tokens[i] is LiteralToken b)
            {
                a.Value += b.Value;
                a.Range = new HclRange(a.Range.Start, b.Range.End);
            }
            else tokens[kept++] = tokens[i];
        }
        tokens.RemoveRange(kept, tokens.Count - kept);
    }

    /// <summary>Nests the flat tokens: <c>%{if}</c> ... <c>%{else}</c> ... <c>%{endif}</c> into a conditional and
    /// <c>%{for}</c> ... <c>%{endfor}</c> into a join, up to an end marker (left for the caller) or the end.</summary>
    private static ImmutableArray<HclExpression> Nest(List<TemplateToken> tokens, ref int i, out (HclRange Range, string Message)? error)
    {
        var parts = ImmutableArray.CreateBuilder<HclExpression>();
        error = null;
        while (i < tokens.Count)
        {
            switch (tokens[i])
            {
                case LiteralToken l:
                    parts.Add(new HclLiteral(l.Range, HclValue.String(l.Value)));
                    i++;
                    break;
                case InterpolationToken t:
                    parts.Add(t.Expression);
                    i++;
                    break;
                case IfToken f:
                    {
                        i++;
                        var then = Nest(tokens, ref i, out error);
                        if (error is not null) return [];
                        var otherwise = ImmutableArray<HclExpression>.Empty;
                        if (i < tokens.Count && tokens[i] is EndToken { Kind: EndKind.Else })
                        {
                            i++;
                            otherwise = Nest(tokens, ref i, out error);
                            if (error is not null) return [];
                        }
                        if (i >= tokens.Count || tokens[i] is not EndToken { Kind: EndKind.EndIf } endIf)
                        {
                            error = (i < tokens.Count ? tokens[i].Range : f.Range, "the if directive has no matching endif");
                            return [];
                        }
                        i++;
                        var trueParts = then.IsEmpty ? [new HclLiteral(new HclRange(f.Range.End, f.Range.End), HclValue.String(""))] : then;
                        var falseParts = otherwise.IsEmpty ? [new HclLiteral(new HclRange(endIf.Range.Start, endIf.Range.Start), HclValue.String(""))] : otherwise;
                        parts.Add(new HclConditional(HclRange.Between(f.Range, endIf.Range), f.Condition,
                            new HclTemplate(HclRange.Between(trueParts[0].Range, trueParts[^1].Range), trueParts),
                            new HclTemplate(HclRange.Between(falseParts[0].Range, falseParts[^1].Range), falseParts)));
                        break;
                    }
                case ForToken f:
                    {
                        i++;
                        var body = Nest(tokens, ref i, out error);
                        if (error is not null) return [];
                        if (i >= tokens.Count || tokens[i] is not EndToken { Kind: EndKind.EndFor } endFor)
                        {
                            error = (i < tokens.Count ? tokens[i].Range : f.Range, "the for directive has no matching endfor");
                            return [];
                        }
                        i++;
                        var content = body.IsEmpty ? [new HclLiteral(new HclRange(f.Range.End, f.Range.End), HclValue.String(""))] : body;
                        var range = HclRange.Between(f.Range, endFor.Range);
                        var each = new HclTemplate(HclRange.Between(content[0].Range, content[^1].Range), content);
                        parts.Add(new HclTemplateJoin(range, new HclFor(range, f.Key, f.Value, f.Collection, null, each, null, false)));
                        break;
                    }
                case EndToken:
                    return parts.ToImmutable();
            }
        }
        return parts.ToImmutable();
    }
}
