using Kalc.Iac.Analyzers.Mapping.Aws;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Rules.Lifecycle;

/// <summary>KIAC704: the EKS cluster itself is destroyed or replaced.</summary>
public sealed class EksClusterReplaced : IRule
{
    public const string Id = "KIAC704";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "node-lifecycle",
        "EKS cluster is destroyed or replaced",
        Severity.Critical,
        rationale: "Replacing an aws_eks_cluster (a new name, subnets in another VPC, a changed encryption or network setting that cannot " +
            "be updated) destroys the control plane with its etcd: every Kubernetes object, every node's registration, the OIDC issuer that " +
            "IRSA roles trust and the access entries go with it. The new cluster starts empty.",
        remediation: "Find the attribute that forces replacement (the plan's replace_paths / '# forces replacement') and revert it, or add " +
            "lifecycle { prevent_destroy = true } to the cluster; migrate to a new cluster side by side instead.",
        "kube-apiserver", "kubelet", "workloads")
        .Judging(["aws_eks_cluster"]);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        foreach (var c in context.MappedOf<EksClusterChange>())
        {
            if (c.Change.Kind is not (ChangeKind.Replace or ChangeKind.Delete) || c.Before?.Name.Value is not { } name) continue;
            var nodes = context.Topology.Nodes.Where(n => !n.Inferred || n.Labels.Count == 0).Select(n => n.Name).ToList();
            var workloads = context.Topology.Workloads.Count(w => w.Workload.OwnedBy is null || !w.Workload.IsStaticPod);
            var evidence = new List<Step>
            {
                Step.Plan(c.Change, c.Change.Kind == ChangeKind.Delete ? $"cluster {name} is destroyed"
                    : $"cluster {name} is replaced ({(c.Change.ReplacePaths.Length > 0 ? LifecycleFindings.Join(c.Change.ReplacePaths) + " force it" : "the change forces a new cluster")})"),
            };
            if (context.Before.Aws.EksClusters.FirstOrDefault(x => x.Name == name) is { } state)
                evidence.Add(new($"cluster {name} runs Kubernetes {state.Version} with OIDC issuer {state.OidcIssuer}", state.Source));
            evidence.Add(new($"{LifecycleFindings.Plural(nodes.Count, "node", "nodes")} and {LifecycleFindings.Plural(workloads, "workload", "workloads")} belong to it", Kalc.Iac.Core.SourceRef.Of("kalc-iac topology")));
            evidence.Add(Step.Reference("the control plane and its etcd are deleted; a replacement cluster gets a new endpoint, certificate authority and OIDC issuer",
                "https://docs.aws.amazon.com/eks/latest/userguide/delete-cluster.html"));
            evidence.Add(new("when: immediate", Kalc.Iac.Core.SourceRef.Of("EKS")));
            yield return LifecycleFindings.For(Rule, c.Change,
                $"EKS cluster {name} is {(c.Change.Kind == ChangeKind.Delete ? "destroyed" : "replaced")}: its API server, every Kubernetes object, " +
                $"{LifecycleFindings.Plural(nodes.Count, "node", "nodes")}' registration and the IRSA issuer go with it.",
                new Impact { Components = ["kube-apiserver", "kubelet"], Nodes = [.. nodes], TimeToImpact = TimeToImpact.Immediate },
                evidence);
        }
    }
}
