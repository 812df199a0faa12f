using Kalc.Iac.Analyzers.Catalog;
using Kalc.Iac.Analyzers.Mapping.Aws;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Rules.Lifecycle;

/// <summary>KIAC705: the EKS control plane's version changes so that running kubelets (nodes, managed node groups) or the
/// kube-proxy add-on fall outside the Kubernetes version skew policy, or by a step EKS does not take (more than one minor
/// version up, or down).</summary>
public sealed class ControlPlaneVersionSkew : IRule, IRequiresState
{
    public const string Id = "KIAC705";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "node-lifecycle",
        "Control plane version change breaks the kubelet version skew",
        Severity.High,
        rationale: "The Kubernetes version skew policy lets kubelet and kube-proxy be at most three minor versions older than kube-apiserver " +
            "(two before 1.25) and never newer. Upgrading the control plane past that leaves the older nodes unsupported - API changes " +
            "they do not know break them - and EKS upgrades one minor version at a time and never downgrades.",
        remediation: "Upgrade the node groups (and kube-proxy) to within the skew first, then the control plane, one minor version per apply.",
        "kubelet", "kube-proxy")
        .Judging(["aws_eks_cluster", "aws_eks_node_group", "aws_eks_addon"]);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<string> MissingState(AnalysisContext context)
    {
        if (!VersionChanges(context).Any()) yield break;
        if (!context.Before.Kube.Loaded.Contains(KubeModel.Model.KubeStateKind.Nodes) && !context.Before.Aws.Loaded.Contains(AwsModel.Model.AwsStateKind.Nodegroups))
            yield return "nodes (kubectl get nodes -o json) or node groups (aws eks describe-nodegroup): needed to know the kubelet versions a control plane upgrade must stay within";
    }

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        foreach (var (c, name, from, to) in VersionChanges(context))
        {
            var evidence = new List<Step> { Step.Plan(c.Change, $"cluster {name} goes from Kubernetes {from} to {to}") };
            var problems = new List<string>();
            if (to.Minor < from.Minor || to.Minor - from.Minor > 1)
            {
                problems.Add(to.Minor < from.Minor ? "EKS cannot downgrade a cluster" : "EKS upgrades one minor version at a time");
                evidence.Add(Step.Reference(problems[^1] + ": the update is rejected", "https://docs.aws.amazon.com/eks/latest/userguide/update-cluster.html"));
            }
            var stale = new List<string>();
            foreach (var n in context.Topology.Nodes)
            {
                if (AddonCompatibility.Minor(n.KubeletVersion) is not { } k || Within(k, to)) continue;
                stale.Add(n.Name);
                if (stale.Count <= 6) evidence.Add(new($"node {n.Name} runs kubelet {n.KubeletVersion}", n.Source));
            }
            foreach (var g in context.Before.Aws.Nodegroups.Where(g => g.ClusterName == name))
            {
                if (AddonCompatibility.Minor(g.Version) is not { } k || Within(k, to)) continue;
                if (context.MappedOf<EksNodeGroupChange>().Any(x => x.After?.Name.Value == g.Name && AddonCompatibility.Minor(x.After.Version.Value) is { } nv && Within(nv, to))) continue;
                stale.Add($"node group {g.Name}");
                evidence.Add(new($"node group {g.Name} runs Kubernetes {g.Version}", g.Source));
            }
            foreach (var a in context.Before.Aws.Addons.Where(a => a.ClusterName == name && a.Name == "kube-proxy"))
            {
                if (a.Version is null || AddonCompatibility.Minor(a.Version) is not { } k || Within(k, to)) continue;
                if (context.MappedOf<EksAddonChange>().Any(x => x.After?.AddonName.Value == "kube-proxy" && x.After.ClusterName.Value == name && x.After.Version.Value != a.Version)) continue;
                stale.Add($"kube-proxy {a.Version}");
                evidence.Add(new($"add-on kube-proxy runs {a.Version}", a.Source));
            }
            if (stale.Count > 0)
            {
                evidence.Add(Step.Reference($"kubelet and kube-proxy may be at most three minor versions older than kube-apiserver {to.Major}.{to.Minor} and never newer",
                    AddonCompatibility.SkewPolicy));
                problems.Add($"{LifecycleFindings.Plural(stale.Count, "node or component falls", "nodes or components fall")} outside the version skew ({LifecycleFindings.Join(stale, 4)})");
            }
            if (problems.Count == 0) continue;
            evidence.Add(new("when: immediate - with the control plane update", Kalc.Iac.Core.SourceRef.Of("EKS")));
            yield return LifecycleFindings.For(Rule, c.Change, $"Cluster {name} {from.Major}.{from.Minor} -> {to.Major}.{to.Minor}: {string.Join("; ", problems)}.",
                new Impact { Components = ["kubelet", "kube-proxy"], Nodes = [.. stale.Where(s => !s.Contains(' ', StringComparison.Ordinal))], TimeToImpact = TimeToImpact.Immediate },
                evidence);
        }
    }

    private static bool Within((int Major, int Minor) component, (int Major, int Minor) server) =>
        component.Major == server.Major && component.Minor <= server.Minor && server.Minor - component.Minor <= (component.Minor < 25 ? 2 : 3);

    private static IEnumerable<(EksClusterChange Change, string Name, (int Major, int Minor) From, (int Major, int Minor) To)> VersionChanges(AnalysisContext context)
    {
        foreach (var c in context.MappedOf<EksClusterChange>())
        {
            if (c.Change.Kind != ChangeKind.Update || c.Before?.Name.Value is not { } name) continue;
            if (AddonCompatibility.Minor(c.Before.Version.Value) is { } from && AddonCompatibility.Minor(c.After?.Version.Value) is { } to && from != to)
                yield return (c, name, from, to);
        }
    }
}
