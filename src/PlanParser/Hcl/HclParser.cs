using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Hcl.Grammar;
using Kalc.Iac.PlanParser.Hcl.Syntax;

namespace Kalc.Iac.PlanParser.Hcl;

/// <summary>Parses HCL2 native syntax (.tf, .tofu, .tfvars, .hcl) into a syntax tree whose every node carries its
/// source range. A syntax error is a value naming file:line:column.</summary>
public static class HclParser
{
    public static ParseResult<HclFile> Parse(string text, string file)
    {
        var source = new HclSourceText(file, text);
        var result = HclBodyGrammar.File(new HclInput(source, 0));
        if (result.WasSuccessful) return ParseResult<HclFile>.Ok(new HclFile(source, result.Value));
        var (line, column) = source.Position(Math.Min(result.Remainder.Position, text.Length));
        return ParseResult<HclFile>.Fail(new InputError(file, "invalid HCL: " + Describe(result.Message, result.Remainder.Position, text), line, column));
    }

    /// <summary>Reads and decodes a file (BOMs, UTF-16) and parses it.</summary>
    public static ParseResult<HclFile> ParseFile(string path, string shownName) =>
        ParseResult<HclFile>.Catch(shownName, () => Parse(InputText.Decode(File.ReadAllBytes(path), shownName), shownName).Unwrap());

    private static string Describe(string message, int position, string text)
    {
        if (message.StartsWith("Unexpected end of input", StringComparison.Ordinal) || position >= text.Length)
            return message.Contains("expected", StringComparison.Ordinal) ? message : "unexpected end of file";
        return message;
    }
}
