using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Kubespray;

namespace Kalc.Iac.Analyzers.Rules.Kubespray;

/// <summary>KIAC311: kube_version is older than the running cluster, or more than one minor version ahead.</summary>
public sealed class KubeVersionSkew : KubesprayRule
{
    public static readonly RuleDescriptor Rule = RuleDescriptors.Create("KIAC311", "kubespray",
        "kube_version downgrades the cluster or skips a minor version", Severity.High,
        "kubeadm supports upgrading one minor version at a time and never downgrading: kube-apiserver's storage and the "
        + "kubelet/apiserver version skew policy assume it. A run with an older kube_version, or one more than one minor "
        + "ahead, fails half way or leaves components at versions that do not support each other.",
        "Set kube_version to the running version, or to the next minor version for an upgrade (one minor per run).",
        "kube-apiserver", "kubelet", "kube-controller-manager", "kube-scheduler")
        .Judging([RuleDescriptors.KubesprayRun], StateNeed.Either(StateNeed.ConfigMaps, StateNeed.Nodes));

    public override RuleDescriptor Descriptor => Rule;

    protected override IEnumerable<Finding> Evaluate(KubesprayRun run, LiveCluster live, AnalysisContext context)
    {
        if (!run.Cluster.TryGetValue("kube_version", out var v) || !KubeVersion.TryParse(v.Value.Text, out var planned)) yield break;
        var (current, from) = Current(live);
        if (current is not { } cur) yield break;
        string? problem = null;
        if (planned < cur) problem = $"downgrades the cluster from {cur} to {planned}";
        else if (planned.Major == cur.Major && planned.Minor - cur.Minor > 1) problem = $"upgrades from {cur} to {planned}, skipping {planned.Minor - cur.Minor - 1} minor version(s)";
        if (problem is null) yield break;
        yield return Finding(run, "kube_version", v.Value.Source,
            $"kube_version is {planned} (from {v.Value.Source}); the cluster runs {cur}: the next run {problem}.",
            [Effective(run, v.Value), new($"the cluster runs Kubernetes {cur}", from)],
            $"Set kube_version: {cur} (or v{cur.Major}.{cur.Minor + 1}.x to upgrade one minor version).",
            live.Nodes.Select(n => n.Name));
    }

    protected override IEnumerable<string> Missing(KubesprayRun run, LiveCluster live, AnalysisContext context)
    {
        foreach (var m in Unresolved(run, "kube_version", "; set it in the inventory or give --kubespray-dir")) yield return m;
        if (Current(live).Version is null) yield return "the running Kubernetes version (kubeadm-config or node kubelet versions in --k8s-state)";
    }

    /// <summary>kubeadm-config's kubernetesVersion, else the newest kubelet version among the control-plane nodes (or all).</summary>
    private static (KubeVersion? Version, SourceRef From) Current(LiveCluster live)
    {
        if (KubeVersion.TryParse(live.KubernetesVersion, out var k)) return (k, live.KubeadmSource ?? SourceRef.Analysis("kubeadm-config"));
        var kubelets = live.KubeletVersions.ToList();
        var cp = kubelets.Where(t => t.Node.IsControlPlane).ToList();
        var pick = (cp.Count > 0 ? cp : kubelets).OrderByDescending(t => t.Version).FirstOrDefault();
        return pick.Node is null ? (null, SourceRef.Analysis("")) : (pick.Version, pick.Node.Source.WithPath($"node {pick.Node.Name} status.nodeInfo.kubeletVersion"));
    }
}
