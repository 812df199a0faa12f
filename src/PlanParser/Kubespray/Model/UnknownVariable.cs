namespace Kalc.Iac.PlanParser.Kubespray.Model;

/// <summary>A variable set in the inventory that kubespray does not read, with the closest known name when one is close.</summary>
public sealed record UnknownVariable(VariableAssignment Assignment, string? Suggestion);
