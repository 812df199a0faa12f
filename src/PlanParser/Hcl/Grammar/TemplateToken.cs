using Kalc.Iac.PlanParser.Hcl.Syntax;

namespace Kalc.Iac.PlanParser.Hcl.Grammar;

/// <summary>The flat sequence a template is read into before its directives are nested (as hclsyntax's
/// parseTemplateParts): literal text (trimmed in place by strip markers and flush heredocs), interpolations, and the
/// opening and closing markers of <c>%{if}</c> / <c>%{for}</c>.</summary>
internal abstract class TemplateToken(HclRange range)
{
    public HclRange Range { get; set; } = range;
}

internal sealed class LiteralToken(HclRange range, string value) : TemplateToken(range)
{
    public string Value { get; set; } = value;
}

internal sealed class InterpolationToken(HclRange range, HclExpression expression) : TemplateToken(range)
{
    public HclExpression Expression { get; } = expression;
}

internal sealed class IfToken(HclRange range, HclExpression condition) : TemplateToken(range)
{
    public HclExpression Condition { get; } = condition;
}

internal sealed class ForToken(HclRange range, string? key, string value, HclExpression collection) : TemplateToken(range)
{
    public string? Key { get; } = key;

    public string Value { get; } = value;

    public HclExpression Collection { get; } = collection;
}

internal enum EndKind
{
    Else,
    EndIf,
    EndFor,
}

internal sealed class EndToken(HclRange range, EndKind kind) : TemplateToken(range)
{
    public EndKind Kind { get; } = kind;
}
