namespace Kalc.Iac.PlanParser.Hcl.Syntax;

/// <summary>HCL's operators (hclsyntax/spec.md, "Operations").</summary>
public enum HclOperator
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
    Negate,
    Not,
}
