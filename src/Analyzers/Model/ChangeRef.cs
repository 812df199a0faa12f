using System.Collections.Immutable;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Model;

/// <summary>The change that causes a finding: a plan address with its actions, or for kubespray a variable and its file.</summary>
public sealed record ChangeRef(string Address, ImmutableArray<string> Actions)
{
    public static ChangeRef Of(ResourceChange change) => new(change.Address, [.. change.Actions.Select(a => a.ToWire())]);
}
