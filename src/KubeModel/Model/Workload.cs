using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.KubeModel.Model;

/// <summary>A Deployment, DaemonSet, StatefulSet or (static/bare) Pod: something that runs containers as a service account.</summary>
public sealed record Workload
{
    /// <summary>Deployment, DaemonSet, StatefulSet, ReplicaSet, Job, CronJob or Pod.</summary>
    public required string Kind { get; init; }

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    /// <summary>spec.serviceAccountName, "default" when unset (as the API server defaults it).</summary>
    public string ServiceAccountName { get; init; } = "default";

    public ImmutableDictionary<string, string> Labels { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The labels its pods carry (spec.template.metadata.labels; a Pod's own labels): what PodDisruptionBudgets and
    /// Services select.</summary>
    public ImmutableDictionary<string, string> PodLabels { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableDictionary<string, string> NodeSelector { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableArray<string> Images { get; init; } = [];

    /// <summary>Container command/args, for recognising components by flags (e.g. --cloud-provider=aws).</summary>
    public ImmutableArray<string> Args { get; init; } = [];

    /// <summary>Node name a bare or static Pod is bound to.</summary>
    public string? NodeName { get; init; }

    /// <summary>True when restricted to control-plane nodes (nodeSelector or required affinity on the control-plane role, or a static pod on one).</summary>
    public bool OnControlPlane { get; init; }

    /// <summary>True when the pod template tolerates the control-plane taint (a DaemonSet that does runs on control-plane nodes too).</summary>
    public bool ToleratesControlPlane { get; init; }

    /// <summary>The controller that owns this object ("ReplicaSet/coredns-5d78c9869d", "Node/cp-1" for a static pod), or null.</summary>
    public string? OwnedBy { get; init; }

    /// <summary>True for a static pod: a mirror Pod owned by its Node, started by the kubelet from a manifest file.</summary>
    public bool IsStaticPod => OwnedBy?.StartsWith("Node/", StringComparison.Ordinal) == true;

    public bool HostNetwork { get; init; }

    /// <summary>Container env names (not values): AWS_ROLE_ARN / AWS_WEB_IDENTITY_TOKEN_FILE / AWS_ACCESS_KEY_ID tell where credentials come from.</summary>
    public ImmutableArray<string> EnvNames { get; init; } = [];

    public int? Replicas { get; init; }

    /// <summary>Every container's ports[] (init containers' too: a sidecar may serve).</summary>
    public ImmutableArray<ContainerPort> ContainerPorts { get; init; } = [];

    public required SourceRef Source { get; init; }

    public string Key => $"{Kind}/{Namespace}/{Name}";
}
