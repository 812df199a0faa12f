using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Rules;
using Kalc.Iac.Analyzers.Rules.Kubespray;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;
using Kalc.Iac.KubeModel.Model;
using Kalc.Iac.KubeModel.Readers;
using Kalc.Iac.PlanParser.Kubespray;

namespace Kalc.Iac.Analyzers.Tests.Kubespray;

/// <summary>An inventory plus the live state it runs against; evaluates the kubespray rules.</summary>
internal sealed record Scenario(string Inventory, KubeState Kube, AwsState Aws, KubesprayOptions Options)
{
    public static string Root { get; } = Kalc.Iac.Tests.RepoPaths.Root;

    public static Scenario Of(string inventory, KubeState? kube = null, string version = "v2.26.0", AwsState? aws = null, string? baseline = null) =>
        new(Path.IsPathRooted(inventory) ? inventory : Path.Combine(Root, "fixtures", "kubespray", "inventories", inventory),
            kube ?? KubeState.Empty, aws ?? AwsState.Empty,
            new KubesprayOptions { Version = version, BaselineInventoryPath = baseline is null ? null : Path.Combine(Root, "fixtures", "kubespray", "inventories", baseline) });

    public AnalysisContext Context()
    {
        var change = KubesprayInventoryReader.Read(Inventory, Options);
        Assert.True(change.IsOk, change.Error?.ToString());
        var world = new World(Aws, Kube);
        return new AnalysisContext(world, change.Value);
    }

    public ImmutableArray<Finding> Findings(IRule rule) => [.. rule.Evaluate(Context())];

    public ImmutableArray<Finding> AllFindings()
    {
        var context = Context();
        return [.. RuleRegistry.InCategory("kubespray").SelectMany(r => r.Evaluate(context))];
    }

    /// <summary>What the whole analysis names as missing for this run (the rules' declared state and their own lines).</summary>
    public ImmutableArray<string> Missing()
    {
        var change = KubesprayInventoryReader.Read(Inventory, Options);
        Assert.True(change.IsOk, change.Error?.ToString());
        return Analyzer.Run(new World(Aws, Kube), change.Value).Missing;
    }

}

/// <summary>Small builders for live state in rule tests.</summary>
internal static class Live
{
    public static KubeNode Node(string name, string podCidr, bool controlPlane = false, string? ip = null, string? providerId = null, string kubelet = "v1.30.4") => new()
    {
        Name = name,
        PodCidrs = [podCidr],
        IsControlPlane = controlPlane,
        InternalIp = ip,
        ProviderId = providerId,
        KubeletVersion = kubelet,
        Source = SourceRef.Of("nodes.json", null, "Node/" + name),
    };

    public static Workload DaemonSet(string name, string ns = "kube-system") => new()
    {
        Kind = "DaemonSet",
        Namespace = ns,
        Name = name,
        Source = SourceRef.Of("daemonsets.json", null, "DaemonSet/" + name),
    };

    public static ConfigMap KubeadmConfig(string podSubnet, string serviceSubnet, string version, string? cloudProvider = null) => new()
    {
        Namespace = "kube-system",
        Name = "kubeadm-config",
        Data = ImmutableDictionary<string, string>.Empty.Add("ClusterConfiguration",
            (cloudProvider is null ? "" : $"apiServer:\n  extraArgs:\n    cloud-provider: {cloudProvider}\n")
            + $"kind: ClusterConfiguration\nkubernetesVersion: {version}\nnetworking:\n  podSubnet: {podSubnet}\n  serviceSubnet: {serviceSubnet}\n"),
        Source = SourceRef.Of("configmaps.json", null, "ConfigMap/kube-system/kubeadm-config"),
    };

    public static KubeState State(IEnumerable<KubeNode>? nodes = null, IEnumerable<Workload>? workloads = null, IEnumerable<ConfigMap>? configMaps = null) => new()
    {
        Nodes = [.. nodes ?? []],
        Workloads = [.. workloads ?? []],
        ConfigMaps = [.. configMaps ?? []],
        // As KubeStateBuilder does: kubeadm-config's ClusterConfiguration read into the model the rules use.
        KubeadmConfig = configMaps?.FirstOrDefault(c => c is { Namespace: "kube-system", Name: "kubeadm-config" }) is { } kubeadm
            ? KubeadmConfigParser.Parse(kubeadm, new List<string>())
            : null,
        Loaded = [KubeStateKind.Nodes, KubeStateKind.Workloads, KubeStateKind.ConfigMaps],
    };
}
