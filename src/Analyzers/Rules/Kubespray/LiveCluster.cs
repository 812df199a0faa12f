using System.Collections.Immutable;
using Kalc.Iac.Core;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.Analyzers.Rules.Kubespray;

/// <summary>The facts about the running cluster that a kubespray run can contradict, read from the Kubernetes state:
/// the CNI DaemonSets, kubeadm-config's ClusterConfiguration, node podCIDRs, control-plane nodes, the cloud provider.</summary>
public sealed class LiveCluster
{
    /// <summary>DaemonSet name to the kubespray kube_network_plugin value it is (aws-node has none).</summary>
    private static readonly (string DaemonSet, string Plugin)[] CniDaemonSets =
    [
        ("calico-node", "calico"), ("cilium", "cilium"), ("cilium-agent", "cilium"), ("kube-flannel-ds", "flannel"),
        ("kube-flannel", "flannel"), ("flannel", "flannel"), ("weave-net", "weave"), ("kube-router", "kube-router"),
        ("kube-ovn-cni", "kube-ovn"), ("canal", "canal"), ("aws-node", "aws-vpc-cni"), ("kube-multus-ds", "multus"),
    ];

    private readonly KubeState _state;

    public LiveCluster(KubeState state)
    {
        _state = state;
        var config = state.ConfigMaps.FirstOrDefault(c => c.Namespace == "kube-system" && c.Name == "kubeadm-config");
        KubeadmConfig = config;
        if (config?.Data.GetValueOrDefault("ClusterConfiguration") is { } cc)
        {
            PodSubnet = Field(cc, "podSubnet");
            ServiceSubnet = Field(cc, "serviceSubnet");
            KubernetesVersion = Field(cc, "kubernetesVersion");
            CloudProviderArg = Field(cc, "cloud-provider");
        }
    }

    public bool NodesLoaded => _state.Loaded.Contains(KubeStateKind.Nodes) || !_state.Nodes.IsEmpty;

    public bool WorkloadsLoaded => _state.Loaded.Contains(KubeStateKind.Workloads) || !_state.Workloads.IsEmpty;

    public ImmutableArray<KubeNode> Nodes => _state.Nodes;

    public ConfigMap? KubeadmConfig { get; }

    public string? PodSubnet { get; }

    public string? ServiceSubnet { get; }

    public string? KubernetesVersion { get; }

    /// <summary>kubeadm-config's apiServer/controllerManager extraArgs cloud-provider (in-tree providers).</summary>
    public string? CloudProviderArg { get; }

    public SourceRef? KubeadmSource => KubeadmConfig?.Source;

    /// <summary>The CNI plugins running, by kubespray plugin name, with the DaemonSet that shows it.</summary>
    public ImmutableArray<(string Plugin, Workload DaemonSet)> Cnis =>
        [.. _state.Workloads.Where(w => w.Kind == "DaemonSet")
            .SelectMany(w => CniDaemonSets.Where(c => c.DaemonSet == w.Name).Select(c => (c.Plugin, w)))];

    public ImmutableArray<KubeNode> ControlPlaneNodes => [.. _state.Nodes.Where(n => n.IsControlPlane && !n.Inferred)];

    /// <summary>Node podCIDRs (IPv4 and IPv6), with the node.</summary>
    public IEnumerable<(KubeNode Node, string Cidr)> NodePodCidrs => _state.Nodes.SelectMany(n => n.PodCidrs.Select(c => (n, c)));

    /// <summary>The cloud provider the nodes were registered by ("aws" from aws:///zone/i-...), with the nodes.</summary>
    public ImmutableArray<(string Provider, KubeNode Node)> ProviderIds =>
        [.. _state.Nodes.Where(n => n.ProviderId?.Contains("://", StringComparison.Ordinal) == true)
            .Select(n => (n.ProviderId![..n.ProviderId!.IndexOf("://", StringComparison.Ordinal)], n))];

    /// <summary>Workloads that run a cloud-controller-manager (external cloud provider).</summary>
    public ImmutableArray<Workload> CloudControllerManagers =>
        [.. _state.Workloads.Where(w => w.Name.Contains("cloud-controller-manager", StringComparison.Ordinal) || w.Args.Any(a => a.Contains("cloud-controller-manager", StringComparison.Ordinal)))];

    /// <summary>Kubelet versions reported by the nodes.</summary>
    public IEnumerable<(KubeNode Node, KubeVersion Version)> KubeletVersions =>
        _state.Nodes.Select(n => (n, ok: KubeVersion.TryParse(n.KubeletVersion, out var v), v)).Where(t => t.ok).Select(t => (t.n, t.v));

    /// <summary>A "key: value" line of the ClusterConfiguration document (keys are unique in the fields we read).</summary>
    private static string? Field(string yaml, string key)
    {
        foreach (var raw in yaml.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith(key + ":", StringComparison.Ordinal))
                return line[(key.Length + 1)..].Trim().Trim('"', '\'') is { Length: > 0 } v ? v : null;
        }
        return null;
    }
}
