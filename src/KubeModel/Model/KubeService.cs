using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.KubeModel.Model;

/// <summary>A Service: its type, selector and annotations (a LoadBalancer Service's annotations tell the AWS Load Balancer
/// Controller or the in-tree cloud provider which load balancer and which subnets to use).</summary>
public sealed record KubeService
{
    public required string Namespace { get; init; }

    public required string Name { get; init; }

    /// <summary>ClusterIP (default), NodePort, LoadBalancer, ExternalName.</summary>
    public string Type { get; init; } = "ClusterIP";

    public string? LoadBalancerClass { get; init; }

    public ImmutableDictionary<string, string> Selector { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableDictionary<string, string> Annotations { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>spec.ports: port, targetPort (a number or a container port name) and protocol.</summary>
    public ImmutableArray<ServicePort> Ports { get; init; } = [];

    /// <summary>status.loadBalancer.ingress[].hostname/ip: the load balancer provisioned for it.</summary>
    public ImmutableArray<string> LoadBalancerIngress { get; init; } = [];

    public required SourceRef Source { get; init; }

    public string Key => $"{Namespace}/{Name}";

    public bool IsLoadBalancer => Type == "LoadBalancer";
}

public sealed record ServicePort(int Port, string? TargetPort, string Protocol, string? Name);
