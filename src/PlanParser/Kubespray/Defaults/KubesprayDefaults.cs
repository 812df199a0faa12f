using System.Collections.Immutable;
using Kalc.Iac.PlanParser.Kubespray.Model;

namespace Kalc.Iac.PlanParser.Kubespray.Defaults;

/// <summary>One kubespray release's role defaults (and role vars), each with the file and line it came from, plus the
/// variable names its sample inventory sets (for "unknown variable" checks).</summary>
public sealed record KubesprayDefaults
{
    public required string Release { get; init; }

    /// <summary>"checkout /path" or "bundled kubespray-defaults-v2.26.0.json".</summary>
    public required string Origin { get; init; }

    public required ImmutableDictionary<string, VariableAssignment> Variables { get; init; }

    public ImmutableHashSet<string> SampleInventoryVariables { get; init; } = [];

    /// <summary>Every variable name kubespray knows: its defaults plus its sample inventory.</summary>
    public bool Knows(string name) => Variables.ContainsKey(name) || SampleInventoryVariables.Contains(name);

    public IEnumerable<string> KnownNames => Variables.Keys.Concat(SampleInventoryVariables).Distinct();
}
