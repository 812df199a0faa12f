using System.Globalization;
using Sprache;

namespace Kalc.Iac.PlanParser.Hcl.Grammar;

/// <summary>The tokens of HCL's native syntax as Sprache parsers. These are the hot paths, so each is a hand-written
/// <see cref="Parser{T}"/> that skips the trivia before it and reads its characters in a loop, instead of a chain of
/// per-character combinators; the grammar built on them is ordinary Sprache.</summary>
internal static class HclLexemes
{
    private static readonly string[] IdentifierExpected = ["identifier"];
    private static readonly string[] NumberExpected = ["number"];
    private static readonly string[] NewlineExpected = ["newline"];

    /// <summary>An exact symbol (<c>=</c>, <c>[</c>, <c>...</c>), not followed by any of <paramref name="notFollowedBy"/>.</summary>
    public static Parser<HclRange> Symbol(string symbol, bool newlines, string notFollowedBy = "")
    {
        var message = $"expected '{symbol}'";
        string[] expectations = [symbol];
        return input =>
        {
            var s = input.Source;
            var p = HclTrivia.Skip(s, input.Position, newlines);
            if (p + symbol.Length <= s.Length && s[p] == symbol[0] && string.CompareOrdinal(s, p, symbol, 0, symbol.Length) == 0
                && (p + symbol.Length >= s.Length || notFollowedBy.IndexOf(s[p + symbol.Length]) < 0))
                return Result.Success(new HclRange(p, p + symbol.Length), At(input, p + symbol.Length));
            return Result.Failure<HclRange>(At(input, p), message, expectations);
        };
    }

    /// <summary>An identifier: ID_Start or '_', then ID_Continue or '-' (hclsyntax/spec.md, "Identifiers").</summary>
    public static Parser<Lexeme<string>> Identifier(bool newlines) => input =>
    {
        var s = input.Source;
        var p = HclTrivia.Skip(s, input.Position, newlines);
        var end = IdentifierEnd(s, p);
        if (end == p) return Result.Failure<Lexeme<string>>(At(input, p), "expected an identifier", IdentifierExpected);
        return Result.Success(new Lexeme<string>(s[p..end], new HclRange(p, end)), At(input, end));
    };

    /// <summary>A keyword: an identifier with this exact name.</summary>
    public static Parser<HclRange> Keyword(string name, bool newlines)
    {
        var message = $"expected '{name}'";
        string[] expectations = [name];
        return input =>
        {
            var s = input.Source;
            var p = HclTrivia.Skip(s, input.Position, newlines);
            var end = IdentifierEnd(s, p);
            if (end - p == name.Length && string.CompareOrdinal(s, p, name, 0, name.Length) == 0)
                return Result.Success(new HclRange(p, end), At(input, end));
            return Result.Failure<HclRange>(At(input, p), message, expectations);
        };
    }

    /// <summary>A number literal: digits, an optional fraction, an optional exponent.</summary>
    public static Parser<Lexeme<string>> Number(bool newlines) => input =>
    {
        var s = input.Source;
        var p = HclTrivia.Skip(s, input.Position, newlines);
        var end = Digits(s, p);
        if (end == p) return Result.Failure<Lexeme<string>>(At(input, p), "expected a number", NumberExpected);
        if (end + 1 < s.Length && s[end] == '.' && char.IsAsciiDigit(s[end + 1])) end = Digits(s, end + 1);
        if (end < s.Length && s[end] is 'e' or 'E')
        {
            var e = end + 1;
            if (e < s.Length && s[e] is '+' or '-') e++;
            var d = Digits(s, e);
            if (d > e) end = d;
        }
        return Result.Success(new Lexeme<string>(s[p..end], new HclRange(p, end)), At(input, end));
    };

    /// <summary>The end of an item: a newline, a line comment, or the end of the file.</summary>
    public static Parser<HclRange> EndOfLine => input =>
    {
        var s = input.Source;
        var p = HclTrivia.Skip(s, input.Position, newlinesSignificant: true);
        if (p >= s.Length) return Result.Success(new HclRange(p, p), At(input, p));
        var end = HclTrivia.NewlineEnd(s, p);
        return end < 0
            ? Result.Failure<HclRange>(At(input, p), "expected a newline", NewlineExpected)
            : Result.Success(new HclRange(p, end), At(input, end));
    };

    /// <summary>Skips every newline and comment (between body items and object items). Never fails.</summary>
    public static Parser<int> SkipAll => input =>
    {
        var p = HclTrivia.Skip(input.Source, input.Position, newlinesSignificant: false);
        return Result.Success(p, At(input, p));
    };

    /// <summary>Looks at the first character of the next token without consuming anything ('\0' at the end).</summary>
    public static char Peek(IInput input, bool newlines, out int position)
    {
        position = HclTrivia.Skip(input.Source, input.Position, newlines);
        return position < input.Source.Length ? input.Source[position] : '\0';
    }

    public static IInput At(IInput input, int position) =>
        input is HclInput h ? h.At(position) : Advance(input, position);

    public static int IdentifierEnd(string s, int p)
    {
        if (p >= s.Length || !IsIdStart(s[p])) return p;
        var i = p + 1;
        while (i < s.Length && IsIdContinue(s[i])) i++;
        return i;
    }

    private static bool IsIdStart(char c) => char.IsAsciiLetter(c) || c == '_' || (c > 127 && IsUnicodeIdStart(c));

    private static bool IsIdContinue(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' || (c > 127 && IsUnicodeIdContinue(c));

    private static bool IsUnicodeIdStart(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
        or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;

    private static bool IsUnicodeIdContinue(char c) => IsUnicodeIdStart(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
        or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;

    private static int Digits(string s, int p)
    {
        while (p < s.Length && char.IsAsciiDigit(s[p])) p++;
        return p;
    }

    private static IInput Advance(IInput input, int position)
    {
        while (input.Position < position) input = input.Advance();
        return input;
    }
}
