using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.PlanParser.Kubespray;
using Kalc.Iac.PlanParser.Kubespray.Model;

namespace Kalc.Iac.Analyzers.Rules.Kubespray;

/// <summary>KIAC303: a cluster-wide variable set in a group that does not reach every cluster host, so hosts disagree.</summary>
public sealed class VariableNotReachingAllHosts : KubesprayRule
{
    public static readonly RuleDescriptor Rule = RuleDescriptors.Create("KIAC303", "kubespray",
        "Cluster-wide variable differs between hosts", Severity.High,
        "Variables that decide the cluster's shape (network plugin, pod and service CIDRs, version, cloud provider) must be "
        + "the same on every host. Set in a group that does not contain every cluster host (kube_node instead of "
        + "k8s_cluster), the other hosts get another value, usually the role default.",
        "Set the variable in group_vars/k8s_cluster (or group_vars/all) so that every cluster host gets it.",
        "kubespray")
        .Judging([RuleDescriptors.KubesprayRun]);

    public override RuleDescriptor Descriptor => Rule;

    protected override IEnumerable<Finding> Evaluate(KubesprayRun run, LiveCluster live, AnalysisContext context)
    {
        foreach (var name in ShapeVariables.Names)
        {
            if (!run.Cluster.TryGetValue(name, out var v) || v.HostsAgree) continue;
            var groups = v.PerHost.GroupBy(kv => Show(kv.Value)).OrderByDescending(g => g.Count()).ToList();
            var parts = groups.Select(g => $"{g.Key} on {string.Join(", ", g.Select(kv => kv.Key).Order(StringComparer.Ordinal))} (from {g.First().Value.Source})");
            var minority = groups[^1].First().Value;
            var setter = groups.Select(g => g.First().Value).FirstOrDefault(e => e.Source.Kind != VariableSourceKind.RoleDefault) ?? minority;
            var missingHosts = run.Hosts.Where(h => h.Groups.Intersect(PlanParser.Kubespray.Resolution.VariableResolver.ClusterGroups).Any() && !v.PerHost.ContainsKey(h.Name)).Select(h => h.Name).ToList();
            yield return Finding(run, name, setter.Source,
                $"{name} differs between the cluster's hosts: {string.Join("; ", parts)}"
                + (missingHosts.Count > 0 ? $"; not set at all on {string.Join(", ", missingHosts)}" : "") + ".",
                groups.Select(g => Effective(run, g.First().Value)),
                $"Set {name} once for every cluster host, in group_vars/k8s_cluster/ (it is now set in {setter.Source.File}).",
                v.PerHost.Keys);
        }
    }
}
