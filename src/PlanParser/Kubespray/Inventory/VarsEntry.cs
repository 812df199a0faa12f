using System.Collections.Immutable;
using Kalc.Iac.PlanParser.Kubespray.Model;

namespace Kalc.Iac.PlanParser.Kubespray.Inventory;

/// <summary>One group_vars/NAME or host_vars/NAME entry (a file, or a directory of files merged in name order).</summary>
public sealed record VarsEntry(string Name, string Path, bool IsHostVars, ImmutableArray<VariableAssignment> Assignments);
