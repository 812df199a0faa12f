namespace Kalc.Iac.PlanParser.Hcl.Grammar;

/// <summary>A token's value and where it is.</summary>
internal readonly record struct Lexeme<T>(T Value, HclRange Range);
