using System.Collections.Immutable;
using Kalc.Iac.PlanParser.Kubespray.Model;

namespace Kalc.Iac.PlanParser.Kubespray;

/// <summary>What a kubespray run over an inventory would apply: the hosts with their groups and the
/// effective variables (each with where its value came from), plus what the inventory gets wrong
/// (variables for groups it does not have, variables kubespray does not know).</summary>
public sealed record KubesprayRun
{
    public required string InventoryPath { get; init; }

    /// <summary>The directory group_vars/ and host_vars/ are read from, as the user named it ("" for the current one):
    /// inventory files are shown under it.</summary>
    public string InventoryRoot { get; init; } = "";

    /// <summary>An inventory-relative file (group_vars/all.yml) as the user would name it (inventory/prod/group_vars/all.yml).</summary>
    public string InventoryFile(string relative) =>
        InventoryRoot.Length == 0 ? relative : InventoryRoot.TrimEnd('/') + "/" + relative;

    /// <summary>The kubespray release whose role defaults were used, e.g. "v2.26.0" or "master".</summary>
    public required string Release { get; init; }

    /// <summary>Where the role defaults came from: "checkout DIR" or "bundled kubespray-defaults-RELEASE.json".</summary>
    public required string DefaultsOrigin { get; init; }

    /// <summary>Every group of the inventory (including the implicit <c>all</c> and <c>ungrouped</c>).</summary>
    public required ImmutableDictionary<string, InventoryGroup> Groups { get; init; }

    /// <summary>Every host, in inventory order, with its effective variables.</summary>
    public required ImmutableArray<KubesprayHost> Hosts { get; init; }

    /// <summary>Per variable, the value the cluster as a whole gets (the kubespray hosts: k8s_cluster, etcd, calico_rr).</summary>
    public required ImmutableDictionary<string, ClusterVariable> Cluster { get; init; }

    /// <summary>group_vars / host_vars entries for groups or hosts the inventory does not have: Ansible ignores them.</summary>
    public ImmutableArray<OrphanVars> OrphanVars { get; init; } = [];

    /// <summary>Variables set in the inventory that neither kubespray's defaults nor its sample inventory know.</summary>
    public ImmutableArray<UnknownVariable> UnknownVariables { get; init; } = [];

    /// <summary>Values set in the inventory that a more precedent source replaces for at least one host.</summary>
    public ImmutableArray<ShadowedAssignment> Shadowed { get; init; } = [];

    /// <summary>The same resolution for the inventory before the change (<c>--kubespray-baseline</c>), or null.</summary>
    public KubesprayRun? Baseline { get; init; }

    /// <summary>What this resolution could not take into account.</summary>
    public ImmutableArray<string> Limitations { get; init; } = [];

    public KubesprayHost? Host(string name) => Hosts.FirstOrDefault(h => h.Name == name);

    /// <summary>Hosts that are members of a group (directly or through children).</summary>
    public ImmutableArray<KubesprayHost> HostsIn(string group) => [.. Hosts.Where(h => h.Groups.Contains(group))];
}
