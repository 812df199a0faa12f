namespace Kalc.Iac.Analyzers.Catalog;

/// <summary>What a resource type can do to a running cluster, as the type catalogue (resource-types.json) decides it.</summary>
public enum ResourceTypeClass
{
    /// <summary>A mapper in <see cref="Mapping.ResourceMappers"/> reads it: its effect is analysed by the rules.</summary>
    Modelled,

    /// <summary>It can change what a cluster on AWS uses (network, identity, compute, storage, DNS, images, or the
    /// cluster's own objects) and no rule models it: a change to one the cluster uses leaves the verdict incomplete.
    /// Also the class of every type not in the catalogue.</summary>
    MayAffect,

    /// <summary>It cannot touch a running cluster (dashboards, budgets, cost reports, application services outside it);
    /// the entry's reason says why.</summary>
    CannotAffect,
}
