using System.Collections.Immutable;

namespace Kalc.Iac.PlanParser.Kubespray;

/// <summary>How to resolve an inventory: where role defaults come from, extra vars, and the inventory to compare with.</summary>
public sealed record KubesprayOptions
{
    public static readonly KubesprayOptions Default = new();

    /// <summary>A kubespray checkout (<c>--kubespray-dir</c>); its role defaults win over the bundled ones.</summary>
    public string? KubesprayDir { get; init; }

    /// <summary>The kubespray release (<c>--kubespray-version</c>, e.g. "v2.26.0"); detected from the checkout when absent.</summary>
    public string? Version { get; init; }

    /// <summary><c>--extra-vars</c>: "key=value" pairs, a JSON/YAML object, or "@file".</summary>
    public ImmutableArray<string> ExtraVars { get; init; } = [];

    /// <summary><c>--kubespray-baseline</c>: the inventory before the change.</summary>
    public string? BaselineInventoryPath { get; init; }
}
