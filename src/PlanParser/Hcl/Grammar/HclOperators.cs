using Kalc.Iac.PlanParser.Hcl.Syntax;

namespace Kalc.Iac.PlanParser.Hcl.Grammar;

/// <summary>HCL's binary operators and their precedence levels (hclsyntax/spec.md, "Operations": 0 <c>||</c>,
/// 1 <c>&amp;&amp;</c>, 2 <c>== !=</c>, 3 <c>&lt; &gt; &lt;= &gt;=</c>, 4 <c>+ -</c>, 5 <c>* / %</c>).</summary>
internal static class HclOperators
{
    public readonly record struct Match(HclOperator Operator, int Level, int End);

    /// <summary>The binary operator at <paramref name="p"/>, if any.</summary>
    public static Match? Read(string s, int p)
    {
        if (p >= s.Length) return null;
        var next = p + 1 < s.Length ? s[p + 1] : '\0';
        return s[p] switch
        {
            '|' when next == '|' => new Match(HclOperator.Or, 0, p + 2),
            '&' when next == '&' => new Match(HclOperator.And, 1, p + 2),
            '=' when next == '=' => new Match(HclOperator.Equal, 2, p + 2),
            '!' when next == '=' => new Match(HclOperator.NotEqual, 2, p + 2),
            '<' when next == '=' => new Match(HclOperator.LessOrEqual, 3, p + 2),
            '>' when next == '=' => new Match(HclOperator.GreaterOrEqual, 3, p + 2),
            '<' when next != '<' => new Match(HclOperator.Less, 3, p + 1),
            '>' => new Match(HclOperator.Greater, 3, p + 1),
            '+' => new Match(HclOperator.Add, 4, p + 1),
            '-' => new Match(HclOperator.Subtract, 4, p + 1),
            '*' => new Match(HclOperator.Multiply, 5, p + 1),
            '/' when next is not ('/' or '*') => new Match(HclOperator.Divide, 5, p + 1),
            '%' when next != '{' => new Match(HclOperator.Modulo, 5, p + 1),
            _ => null,
        };
    }
}
