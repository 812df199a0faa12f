using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Source.Values;

/// <summary>The value a root module variable is given, and where it came from.</summary>
public sealed record RootVariableValue(string Name, PlanValue Value, ValueOrigin Origin);
