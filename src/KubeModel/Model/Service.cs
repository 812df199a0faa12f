using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.KubeModel.Model;

/// <summary>A Service: what a webhook configuration or an APIService names, and how its port reaches the pods.</summary>
public sealed record Service
{
    public required string Namespace { get; init; }

    public required string Name { get; init; }

    /// <summary>ClusterIP (the default), NodePort, LoadBalancer or ExternalName.</summary>
    public string Type { get; init; } = "ClusterIP";

    /// <summary>spec.selector; empty for a Service without selector (its endpoints are managed by hand).</summary>
    public ImmutableDictionary<string, string> Selector { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableArray<ServicePort> Ports { get; init; } = [];

    public ImmutableDictionary<string, string> Annotations { get; init; } = ImmutableDictionary<string, string>.Empty;

    public required SourceRef Source { get; init; }

    public string Key => $"{Namespace}/{Name}";
}

/// <summary>One spec.ports entry. <see cref="TargetPort"/> is a number or a container port name; when unset the API server
/// defaults it to <see cref="Port"/> (https://kubernetes.io/docs/reference/kubernetes-api/service-resources/service-v1/#ServiceSpec).</summary>
public sealed record ServicePort(string? Name, int Port, string TargetPort, string Protocol, int? NodePort);
