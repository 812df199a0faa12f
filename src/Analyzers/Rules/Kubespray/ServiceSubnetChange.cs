using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Kubespray;

namespace Kalc.Iac.Analyzers.Rules.Kubespray;

/// <summary>KIAC307: kube_service_addresses differs from the running cluster's service CIDR.</summary>
public sealed class ServiceSubnetChange : KubesprayRule
{
    public static readonly RuleDescriptor Rule = RuleDescriptors.Create("KIAC307", "kubespray",
        "kube_service_addresses differs from the running cluster's service network", Severity.Critical,
        "Every Service's ClusterIP, the kubernetes Service (first address) and the DNS Service address come from the "
        + "service CIDR. A run with another kube_service_addresses regenerates the API server certificate and "
        + "kube-apiserver's --service-cluster-ip-range: existing ClusterIPs fall outside it and cluster DNS moves.",
        "Set kube_service_addresses to the running cluster's service CIDR (kubeadm-config networking.serviceSubnet).",
        "kube-apiserver", "kube-proxy", "coredns")
        .Judging([RuleDescriptors.KubesprayRun], StateNeed.ConfigMaps);

    public override RuleDescriptor Descriptor => Rule;

    protected override IEnumerable<Finding> Evaluate(KubesprayRun run, LiveCluster live, AnalysisContext context)
    {
        if (!run.Cluster.TryGetValue("kube_service_addresses", out var v) || !Cidr.TryParse(v.Value.Text, out var planned)) yield break;
        var current = live.ServiceSubnet?.Split(',').Select(s => s.Trim()).FirstOrDefault(s => Cidr.TryParse(s, out var c) && c.Family == planned.Family);
        if (current is null || !Cidr.TryParse(current, out var c2) || c2 == planned) yield break;
        yield return Finding(run, "kube_service_addresses", v.Value.Source,
            $"kube_service_addresses is {planned} (from {v.Value.Source}) but the cluster's services are on {current}: the next "
            + "run moves kube-apiserver's service range and the cluster DNS address, leaving every existing ClusterIP outside it.",
            [
                Effective(run, v.Value),
                new($"kubeadm-config ClusterConfiguration networking.serviceSubnet = {current}", live.KubeadmSource ?? SourceRef.Analysis("kubeadm-config")),
            ],
            $"Set kube_service_addresses: {current} for every cluster host.",
            live.ControlPlaneNodes.Select(n => n.Name));
    }

    protected override IEnumerable<string> Missing(KubesprayRun run, LiveCluster live, AnalysisContext context)
    {
        foreach (var m in Unresolved(run, "kube_service_addresses")) yield return m;
        if (live.ServiceSubnet is null) yield return "the running service CIDR (kube-system/kubeadm-config in --k8s-state)";
    }
}
