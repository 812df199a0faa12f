namespace Kalc.Iac.PlanParser.Terraform.Source;

/// <summary>Where a resource block is declared: <c>resource "TYPE" "NAME" {</c> at File:Line.</summary>
public sealed record ResourceDeclaration(string Type, string Name, string File, int Line);
