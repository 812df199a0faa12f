using System.Collections.Immutable;

namespace Kalc.Iac.PlanParser.Kubespray.Model;

/// <summary>A variable across the cluster's hosts: the value when every host agrees, else the value per host.</summary>
public sealed record ClusterVariable
{
    public required string Name { get; init; }

    /// <summary>The value every kubespray host gets; when hosts disagree, the value of the first control-plane host.</summary>
    public required EffectiveValue Value { get; init; }

    public required bool HostsAgree { get; init; }

    /// <summary>Host name to its value (every kubespray host).</summary>
    public required IReadOnlyDictionary<string, EffectiveValue> PerHost { get; init; }
}
