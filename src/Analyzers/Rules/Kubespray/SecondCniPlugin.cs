using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.PlanParser.Kubespray;

namespace Kalc.Iac.Analyzers.Rules.Kubespray;

/// <summary>KIAC305: kube_network_plugin names a CNI other than the one running: the run installs a second CNI.</summary>
public sealed class SecondCniPlugin : KubesprayRule
{
    public static readonly RuleDescriptor Rule = RuleDescriptors.Create("KIAC305", "kubespray",
        "kubespray would install a second CNI plugin", Severity.Critical,
        "kubespray installs the CNI named by kube_network_plugin and does not remove another. Two CNIs write their "
        + "config to /etc/cni/net.d, the kubelet takes the first file in name order, so new pods land on one network or "
        + "the other and cannot reach each other; the old CNI's config stays behind on every node.",
        "Set kube_network_plugin to the running CNI where the cluster's variables are read (group_vars/k8s_cluster/); "
        + "change CNI only with a migration plan that removes the old one and its /etc/cni/net.d files.",
        "cni", "kubelet")
        .Judging([RuleDescriptors.KubesprayRun], StateNeed.Workloads);

    private static readonly string[] NotAPlugin = ["none", "cni", "custom_cni", "cloud"];

    public override RuleDescriptor Descriptor => Rule;

    protected override IEnumerable<Finding> Evaluate(KubesprayRun run, LiveCluster live, AnalysisContext context)
    {
        if (!run.Cluster.TryGetValue("kube_network_plugin", out var v) || v.Value.Text is not { } plugin || NotAPlugin.Contains(plugin)) yield break;
        var running = live.Cnis.Where(c => c.Plugin != "multus").ToList();
        if (running.Count == 0 || running.Any(c => c.Plugin == plugin)) yield break;
        var names = string.Join(", ", running.Select(c => $"{c.Plugin} (DaemonSet {c.DaemonSet.Namespace}/{c.DaemonSet.Name})").Distinct());
        yield return Finding(run, "kube_network_plugin", v.Value.Source,
            $"kube_network_plugin is {plugin} (from {v.Value.Source}) but the cluster runs {names}: the next kubespray run "
            + $"installs {plugin} next to it on every node; both leave CNI config in /etc/cni/net.d, new pods get whichever "
            + "config sorts first, and pods on the two networks cannot reach each other.",
            [
                Effective(run, v.Value),
                .. running.Select(c => new Evidence($"DaemonSet {c.DaemonSet.Namespace}/{c.DaemonSet.Name} runs the {c.Plugin} CNI", c.DaemonSet.Source)),
                new($"kubespray installs {plugin}'s DaemonSet and CNI config without removing {running[0].Plugin}'s", Kubespray(run, "roles/network_plugin")),
            ],
            $"Set kube_network_plugin: {running[0].Plugin} for every cluster host (group_vars/k8s_cluster/k8s-cluster.yml), "
            + (v.Value.Source.Kind == PlanParser.Kubespray.Model.VariableSourceKind.RoleDefault
                ? "where the inventory's variables are actually read (see KIAC301)."
                : $"replacing the value at {v.Value.Source}."),
            live.Nodes.Select(n => n.Name));
    }

    protected override IEnumerable<string> Missing(KubesprayRun run, LiveCluster live, AnalysisContext context)
    {
        foreach (var m in Unresolved(run, "kube_network_plugin")) yield return m;
    }
}
