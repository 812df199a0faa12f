using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.KubeModel.Model;

/// <summary>An Ingress (networking.k8s.io/v1): its class and annotations (alb.ingress.kubernetes.io/scheme, /subnets).</summary>
public sealed record Ingress
{
    public required string Namespace { get; init; }

    public required string Name { get; init; }

    /// <summary>spec.ingressClassName, else the legacy kubernetes.io/ingress.class annotation.</summary>
    public string? IngressClassName { get; init; }

    public ImmutableDictionary<string, string> Annotations { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableArray<string> LoadBalancerIngress { get; init; } = [];

    public required SourceRef Source { get; init; }

    public string Key => $"{Namespace}/{Name}";
}
