using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Core;
using Kalc.Iac.KubeModel.Model;
using Kalc.Iac.PlanParser.Kubespray;

namespace Kalc.Iac.Analyzers.Rules.Kubespray;

/// <summary>KIAC310: the inventory's kube_control_plane hosts are not the nodes that run the control plane.</summary>
public sealed class SecondControlPlane : KubesprayRule
{
    public static readonly RuleDescriptor Rule = RuleDescriptors.Create("KIAC310", "kubespray",
        "Control-plane hosts differ from the running control plane", Severity.Critical,
        "kubespray runs kubeadm init/join --control-plane and etcd on the kube_control_plane hosts, named by "
        + "kube_override_hostname (the inventory name by default). Hosts that are not the running control-plane nodes "
        + "become new control-plane members - with no overlap, a second control plane and a second etcd cluster; running "
        + "control-plane nodes left out of the group are no longer managed.",
        "List the running control-plane nodes in kube_control_plane under their node names; add or remove members "
        + "one at a time with kubespray's documented procedure.",
        "kube-apiserver", "etcd", "kube-controller-manager", "kube-scheduler")
        .Judging([RuleDescriptors.KubesprayRun], StateNeed.Nodes);

    private static readonly string[] AddressVariables = ["ip", "access_ip", "ansible_host"];

    public override RuleDescriptor Descriptor => Rule;

    protected override IEnumerable<Finding> Evaluate(KubesprayRun run, LiveCluster live, AnalysisContext context)
    {
        var running = live.ControlPlaneNodes;
        var hosts = run.HostsIn("kube_control_plane");
        if (running.IsEmpty || hosts.IsEmpty) yield break;
        var planned = hosts.Select(h => (Host: h, NodeName: h["kube_override_hostname"]?.Text is { Length: > 0 } o ? o : h.Name)).ToList();
        var runningNames = running.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var added = planned.Where(p => !runningNames.Contains(p.NodeName)).ToList();
        var removed = running.Where(n => planned.All(p => p.NodeName != n.Name)).ToList();
        if (added.Count == 0 && removed.Count == 0) yield break;
        var disjoint = added.Count == planned.Count;
        var sameMachine = added.Select(p => (p, node: ByAddress(p.Host, live.Nodes))).Where(t => t.node is not null && t.node.Name != t.p.NodeName)
            .Select(t => $"{t.p.Host.Name} has the address of node {t.node!.Name} ({t.node.InternalIp}) but would register as '{t.p.NodeName}'").ToList();
        var message = disjoint
            ? $"kube_control_plane lists {Names(planned.Select(p => p.NodeName))} but the control plane runs on {Names(running.Select(n => n.Name))}: "
              + "the next run initialises a second control plane and etcd cluster on hosts that share no member with the running one"
            : $"kube_control_plane differs from the running control plane: "
              + (added.Count > 0 ? $"adds {Names(added.Select(p => p.NodeName))}" : "")
              + (added.Count > 0 && removed.Count > 0 ? ", " : "")
              + (removed.Count > 0 ? $"leaves out running control-plane node(s) {Names(removed.Select(n => n.Name))}" : "");
        if (sameMachine.Count > 0) message += "; " + string.Join("; ", sameMachine);
        yield return Finding(run, "kube_control_plane", hosts[0].Groups.Contains("kube_control_plane") && run.Groups.TryGetValue("kube_control_plane", out var g) && g.Source is { } src
                ? new PlanParser.Kubespray.Model.VariableSource(PlanParser.Kubespray.Model.VariableSourceKind.InventoryGroupVars, src.File, src.Line, "kube_control_plane")
                : PlanParser.Kubespray.Model.VariableSource.Unset,
            message + ".",
            [
                new($"inventory group kube_control_plane: {Names(planned.Select(p => p.Host.Name))}", SourceRef.Of(run.InventoryPath)),
                .. hosts.Where(h => h["kube_override_hostname"] is { Rendered.IsKnown: false }).Take(1).Select(h => new Evidence(
                    $"kube_override_hostname is unresolved ({h["kube_override_hostname"]!.Rendered.WhyUnknown}); node names compared as the inventory names, kubespray's default without a cloud provider",
                    From(run, h["kube_override_hostname"]!.Source))),
                .. running.Select(n => new Evidence($"node {n.Name} runs the control plane", n.Source)),
            ],
            disjoint
                ? $"Put the running control-plane nodes ({Names(running.Select(n => n.Name))}) in kube_control_plane under those names."
                : null,
            added.Select(p => p.NodeName).Concat(removed.Select(n => n.Name)),
            disjoint ? Severity.Critical : Severity.High);
    }

    protected override IEnumerable<string> Missing(KubesprayRun run, LiveCluster live, AnalysisContext context)
    {
        if (live.NodesLoaded && live.ControlPlaneNodes.IsEmpty) yield return "no node is labelled node-role.kubernetes.io/control-plane in --k8s-state";
    }

    private static KubeNode? ByAddress(PlanParser.Kubespray.Model.KubesprayHost host, IEnumerable<KubeNode> nodes)
    {
        var addresses = AddressVariables.Select(v => host[v]?.Text).Where(a => a is not null).ToHashSet();
        return nodes.FirstOrDefault(n => n.InternalIp is not null && addresses.Contains(n.InternalIp));
    }

    private static string Names(IEnumerable<string> names) => string.Join(", ", names.Order(StringComparer.Ordinal));
}
