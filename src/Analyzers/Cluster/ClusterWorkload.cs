using Kalc.Iac.Analyzers.Catalog;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.Analyzers.Cluster;

/// <summary>A workload joined to what it is (catalog component), who it runs as, and where.</summary>
public sealed record ClusterWorkload(Workload Workload, ComponentDefinition? Component, WorkloadIdentity Identity, WorkloadPlacement Placement)
{
    /// <summary>The name people use: the catalog component name, or service-account:ns/name.</summary>
    public string ComponentName => Component?.Name ?? $"service-account:{Workload.Namespace}/{Workload.ServiceAccountName}";
}
