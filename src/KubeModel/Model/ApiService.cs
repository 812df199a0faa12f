using Kalc.Iac.Core;

namespace Kalc.Iac.KubeModel.Model;

/// <summary>An APIService: an aggregated API (metrics.k8s.io from metrics-server, ...) that the API server proxies to a
/// Service; a local one (spec.service null) is served by the API server itself.</summary>
public sealed record ApiService
{
    public required string Name { get; init; }

    public string? Group { get; init; }

    public string? Version { get; init; }

    public ServiceReference? Service { get; init; }

    public required SourceRef Source { get; init; }
}
