using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Kubespray.Model;

/// <summary>One variable set to one value in one place (a defaults file, a group_vars file, an inventory line, -e).</summary>
public sealed record VariableAssignment(string Name, PlanValue Value, VariableSource Source);
