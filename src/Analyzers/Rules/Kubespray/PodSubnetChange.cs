using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Kubespray;

namespace Kalc.Iac.Analyzers.Rules.Kubespray;

/// <summary>KIAC306: kube_pods_subnet differs from the pod CIDR the running cluster uses.</summary>
public sealed class PodSubnetChange : KubesprayRule
{
    public static readonly RuleDescriptor Rule = RuleDescriptors.Create("KIAC306", "kubespray",
        "kube_pods_subnet differs from the running cluster's pod network", Severity.Critical,
        "The pod CIDR is fixed when the cluster is created: kubeadm-config's podSubnet, the podCIDR of every node and the "
        + "CNI's IP pools. A run with another kube_pods_subnet rewrites kube-controller-manager's --cluster-cidr and the "
        + "CNI config, so new pods get addresses the existing routes, pools and network policies do not cover.",
        "Set kube_pods_subnet to the running cluster's pod CIDR (kubeadm-config networking.podSubnet).",
        "kube-controller-manager", "cni", "kube-proxy")
        .Judging([RuleDescriptors.KubesprayRun], StateNeed.Either(StateNeed.ConfigMaps, StateNeed.Nodes));

    public override RuleDescriptor Descriptor => Rule;

    protected override IEnumerable<Finding> Evaluate(KubesprayRun run, LiveCluster live, AnalysisContext context)
    {
        if (!run.Cluster.TryGetValue("kube_pods_subnet", out var v) || !Cidr.TryParse(v.Value.Text, out var planned)) yield break;
        var evidence = new List<Evidence> { Effective(run, v.Value) };
        var problems = new List<string>();
        var livePod = live.PodSubnet?.Split(',').Select(s => s.Trim()).FirstOrDefault(s => Cidr.TryParse(s, out var c) && c.Family == planned.Family);
        if (livePod is not null && Cidr.TryParse(livePod, out var current) && current != planned)
        {
            problems.Add($"kubeadm-config says podSubnet {livePod}");
            evidence.Add(new($"kubeadm-config ClusterConfiguration networking.podSubnet = {livePod}", live.KubeadmSource ?? SourceRef.Analysis("kubeadm-config")));
        }
        var outside = live.NodePodCidrs
            .Where(n => Cidr.TryParse(n.Cidr, out var c) && c.Family == planned.Family && !planned.Contains(c)).ToList();
        if (outside.Count > 0)
        {
            problems.Add($"{outside.Count} node podCIDR(s) lie outside it ({string.Join(", ", outside.Take(5).Select(n => $"{n.Node.Name} {n.Cidr}"))})");
            evidence.AddRange(outside.Take(5).Select(n => new Evidence($"node {n.Node.Name} has podCIDR {n.Cidr}", n.Node.Source)));
        }
        if (problems.Count == 0) yield break;
        yield return Finding(run, "kube_pods_subnet", v.Value.Source,
            $"kube_pods_subnet is {planned} (from {v.Value.Source}) but {string.Join(" and ", problems)}: the next run "
            + "reconfigures kube-controller-manager and the CNI for a pod network the running pods and nodes are not on.",
            evidence,
            $"Set kube_pods_subnet: {livePod ?? outside[0].Cidr} (the running pod CIDR) for every cluster host.",
            outside.Select(n => n.Node.Name).Concat(live.Nodes.Select(n => n.Name)));
    }

    protected override IEnumerable<string> Missing(KubesprayRun run, LiveCluster live, AnalysisContext context)
    {
        foreach (var m in Unresolved(run, "kube_pods_subnet")) yield return m;
        if (live.PodSubnet is null && !live.NodePodCidrs.Any())
            yield return "the running pod CIDR (kube-system/kubeadm-config or node podCIDRs in --k8s-state)";
    }
}
