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
        KubeadmConfig = state.KubeadmConfig;
    }

    public bool NodesLoaded => _state.Loaded.Contains(KubeStateKind.Nodes) || !_state.Nodes.IsEmpty;

    public bool WorkloadsLoaded => _state.Loaded.Contains(KubeStateKind.Workloads) || !_state.Workloads.IsEmpty;

    public ImmutableArray<KubeNode> Nodes => _state.Nodes;

    /// <summary>kube-system/kubeadm-config's ClusterConfiguration as KubeModel reads it (kubeadm.k8s.io v1beta1 to
    /// v1beta4), or null when the ConfigMap is absent or unreadable (KubeState.Missing then says why).</summary>
    public KubeadmClusterConfig? KubeadmConfig { get; }

    /// <summary>networking.podSubnet, as written (dual-stack: "v4cidr,v6cidr").</summary>
    public string? PodSubnet => KubeadmConfig?.PodSubnet;

    /// <summary>networking.serviceSubnet, as written.</summary>
    public string? ServiceSubnet => KubeadmConfig?.ServiceSubnet;

    public string? KubernetesVersion => KubeadmConfig?.KubernetesVersion;

    /// <summary>The --cloud-provider of controllerManager's, else apiServer's extraArgs (in-tree providers, or "external").</summary>
    public string? CloudProviderArg => KubeadmConfig?.CloudProvider;

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
}
