using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.KubeModel.Model;

/// <summary>What the kube-system/kubeadm-config ConfigMap's ClusterConfiguration says (kubeadm.k8s.io v1beta1 to v1beta4).</summary>
public sealed record KubeadmClusterConfig
{
    /// <summary>e.g. kubeadm.k8s.io/v1beta4.</summary>
    public string? ApiVersion { get; init; }

    public string? KubernetesVersion { get; init; }

    public string? ClusterName { get; init; }

    public string? ControlPlaneEndpoint { get; init; }

    public string? PodSubnet { get; init; }

    public string? ServiceSubnet { get; init; }

    /// <summary>apiServer.extraArgs (a map up to v1beta3, a list of {name, value} in v1beta4; the last value of a repeated name wins).</summary>
    public ImmutableDictionary<string, string> ApiServerExtraArgs { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableDictionary<string, string> ControllerManagerExtraArgs { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The --cloud-provider the control plane runs with (controller-manager's, else the API server's), e.g. "aws" or "external".</summary>
    public string? CloudProvider =>
        ControllerManagerExtraArgs.TryGetValue("cloud-provider", out var c) ? c :
        ApiServerExtraArgs.TryGetValue("cloud-provider", out var a) ? a : null;

    public required SourceRef Source { get; init; }
}
