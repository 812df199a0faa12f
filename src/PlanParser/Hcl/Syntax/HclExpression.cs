using System.Collections.Immutable;

namespace Kalc.Iac.PlanParser.Hcl.Syntax;

/// <summary>An HCL2 native-syntax expression (hashicorp/hcl hclsyntax/spec.md, "Expressions"). Every node carries the
/// exact range of its source text. The node kinds are kept in this one file so that the whole expression language
/// reads in one place; each is a few lines.</summary>
public abstract record HclExpression(HclRange Range);

/// <summary>A number, <c>true</c>/<c>false</c>, <c>null</c>, or a piece of literal text inside a template.</summary>
public sealed record HclLiteral(HclRange Range, HclValue Value) : HclExpression(Range);

/// <summary>A quoted string or heredoc whose parts are literal text, interpolations, and directives
/// (<see cref="HclConditional"/> for <c>%{if}</c>, <see cref="HclTemplateJoin"/> for <c>%{for}</c>).</summary>
public sealed record HclTemplate(HclRange Range, ImmutableArray<HclExpression> Parts) : HclExpression(Range)
{
    /// <summary>The text when the template has no interpolation or directive.</summary>
    public string? LiteralText => Parts is [HclLiteral { Value.Kind: HclValueKind.String } l] ? l.Value.Text : null;
}

/// <summary>A template that is exactly one interpolation (<c>"${x}"</c>): its value is the wrapped expression's.</summary>
public sealed record HclTemplateWrap(HclRange Range, HclExpression Wrapped) : HclExpression(Range);

/// <summary>A <c>%{for}</c> directive: the for-expression's results joined into a string.</summary>
public sealed record HclTemplateJoin(HclRange Range, HclFor For) : HclExpression(Range);

/// <summary>A root variable (<c>var</c>, <c>local</c>, <c>aws_iam_role</c>, a for-expression's iterator).</summary>
public sealed record HclVariable(HclRange Range, string Name) : HclExpression(Range);

/// <summary><c>source.name</c>.</summary>
public sealed record HclGetAttr(HclRange Range, HclExpression Source, string Name) : HclExpression(Range);

/// <summary><c>source[key]</c>, or the legacy <c>source.0</c> (<see cref="Legacy"/>).</summary>
public sealed record HclIndex(HclRange Range, HclExpression Source, HclExpression Key, bool Legacy = false) : HclExpression(Range);

/// <summary><c>source[*].each</c> (full) or <c>source.*.each</c> (attribute-only): <see cref="Each"/> is applied to
/// every element, which it refers to as <see cref="HclSplatItem"/>.</summary>
public sealed record HclSplat(HclRange Range, HclExpression Source, HclExpression Each, bool AttributeOnly) : HclExpression(Range);

/// <summary>The element a splat's <see cref="HclSplat.Each"/> is applied to.</summary>
public sealed record HclSplatItem(HclRange Range) : HclExpression(Range);

/// <summary><c>name(args)</c>, <c>name(args...)</c> (<see cref="ExpandFinal"/>), or <c>provider::p::name(args)</c>.</summary>
public sealed record HclFunctionCall(HclRange Range, string Name, ImmutableArray<HclExpression> Arguments, bool ExpandFinal) : HclExpression(Range);

/// <summary><c>condition ? trueResult : falseResult</c>, and a template's <c>%{if}</c>.</summary>
public sealed record HclConditional(HclRange Range, HclExpression Condition, HclExpression TrueResult, HclExpression FalseResult) : HclExpression(Range);

/// <summary>A binary operator, left-associative, with HCL's precedence.</summary>
public sealed record HclBinary(HclRange Range, HclOperator Operator, HclExpression Left, HclExpression Right) : HclExpression(Range);

/// <summary><c>-x</c> or <c>!x</c>.</summary>
public sealed record HclUnary(HclRange Range, HclOperator Operator, HclExpression Operand) : HclExpression(Range);

/// <summary><c>( expression )</c>.</summary>
public sealed record HclParentheses(HclRange Range, HclExpression Inner) : HclExpression(Range);

/// <summary><c>[a, b]</c>.</summary>
public sealed record HclTuple(HclRange Range, ImmutableArray<HclExpression> Items) : HclExpression(Range);

/// <summary><c>{ key = value, ... }</c>.</summary>
public sealed record HclObject(HclRange Range, ImmutableArray<HclObjectItem> Items) : HclExpression(Range);

/// <summary>One item of an object constructor. A bare identifier key is a name, not a variable (<see cref="KeyName"/>).</summary>
public sealed record HclObjectItem(HclExpression Key, HclExpression Value)
{
    /// <summary>The key when it is a bare identifier or a literal string.</summary>
    public string? KeyName => Key switch
    {
        HclVariable v => v.Name,
        HclTemplate t => t.LiteralText,
        _ => null,
    };
}

/// <summary><c>[for k, v in coll : value if cond]</c> or <c>{for k, v in coll : key => value... if cond}</c>.</summary>
public sealed record HclFor(
    HclRange Range, string? KeyVariable, string ValueVariable, HclExpression Collection,
    HclExpression? KeyResult, HclExpression ValueResult, HclExpression? Condition, bool Grouping) : HclExpression(Range)
{
    public bool IsObject => KeyResult is not null;
}
