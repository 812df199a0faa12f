using System.Globalization;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.PlanParser.Kubespray;

namespace Kalc.Iac.Analyzers.Rules.Kubespray;

/// <summary>KIAC308: kube_network_node_prefix differs from the size of the podCIDRs the nodes already have.</summary>
public sealed class NodePrefixChange : KubesprayRule
{
    public static readonly RuleDescriptor Rule = RuleDescriptors.Create("KIAC308", "kubespray",
        "kube_network_node_prefix differs from the nodes' podCIDR size", Severity.High,
        "kube_network_node_prefix becomes kube-controller-manager's --node-cidr-mask-size. Nodes keep the podCIDR they "
        + "were given; with another mask size the allocator's view of the pod CIDR no longer matches them, new nodes get "
        + "blocks of another size, and it can fail to allocate or overlap existing blocks.",
        "Set kube_network_node_prefix to the prefix length of the nodes' podCIDRs.",
        "kube-controller-manager", "cni")
        .Judging([RuleDescriptors.KubesprayRun], StateNeed.Nodes);

    public override RuleDescriptor Descriptor => Rule;

    protected override IEnumerable<Finding> Evaluate(KubesprayRun run, LiveCluster live, AnalysisContext context)
    {
        if (!run.Cluster.TryGetValue("kube_network_node_prefix", out var v) ||
            !int.TryParse(v.Value.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)) yield break;
        var differing = live.NodePodCidrs
            .Where(n => Cidr.TryParse(n.Cidr, out var c) && c.Family == System.Net.Sockets.AddressFamily.InterNetwork && c.Prefix != prefix).ToList();
        if (differing.Count == 0) yield break;
        var sizes = string.Join(", ", differing.Select(n => n.Cidr[(n.Cidr.IndexOf('/') + 1)..]).Distinct().Select(s => "/" + s));
        yield return Finding(run, "kube_network_node_prefix", v.Value.Source,
            $"kube_network_node_prefix is {prefix} (from {v.Value.Source}) but {differing.Count} node(s) have {sizes} podCIDRs "
            + $"({string.Join(", ", differing.Take(5).Select(n => $"{n.Node.Name} {n.Cidr}"))}): the next run changes "
            + "kube-controller-manager's --node-cidr-mask-size under nodes that keep their old blocks.",
            [Effective(run, v.Value), .. differing.Take(5).Select(n => new Evidence($"node {n.Node.Name} has podCIDR {n.Cidr}", n.Node.Source))],
            $"Set kube_network_node_prefix: {differing[0].Cidr[(differing[0].Cidr.IndexOf('/') + 1)..]} for every cluster host.",
            differing.Select(n => n.Node.Name));
    }

    protected override IEnumerable<string> Missing(KubesprayRun run, LiveCluster live, AnalysisContext context)
    {
        if (!live.NodePodCidrs.Any()) yield return "node podCIDRs (Nodes in --k8s-state) to compare kube_network_node_prefix with";
    }
}
