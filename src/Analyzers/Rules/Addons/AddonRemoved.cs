using Kalc.Iac.Analyzers.Mapping.Aws;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Rules.Lifecycle;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Rules.Addons;

/// <summary>KIAC603: an EKS add-on the cluster runs on (vpc-cni, coredns, kube-proxy, aws-ebs-csi-driver, eks-pod-identity-agent)
/// is deleted without <c>preserve</c>, so EKS removes its Kubernetes objects.</summary>
public sealed class AddonRemoved : IRule
{
    public const string Id = "KIAC603";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "addons",
        "EKS add-on is deleted together with its Kubernetes objects",
        Severity.Critical,
        rationale: "Deleting an aws_eks_addon without preserve = true makes EKS delete the add-on's objects from the cluster: the aws-node " +
            "DaemonSet (pod networking), the coredns Deployment (cluster DNS), the kube-proxy DaemonSet (Service routing), the EBS CSI driver, " +
            "the Pod Identity agent. A replacement (destroy, then create) deletes them too and leaves the cluster without them until the new " +
            "add-on is active.",
        remediation: "Set preserve = true before removing the add-on from Terraform (or terraform state rm it), or keep it; to change " +
            "something that forces replacement, create the new configuration first.",
        "aws-node", "coredns", "kube-proxy", "ebs-csi-controller", "eks-pod-identity-agent")
        .Judging(["aws_eks_addon"]);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        foreach (var c in context.MappedOf<EksAddonChange>())
        {
            if (!c.Change.RemovesObject || c.Before?.AddonName.Value is not { } name) continue;
            if (c.Before.Preserve.Value == true) continue; // EKS leaves the objects in the cluster
            var role = AddonRole.Known.GetValueOrDefault(name);
            var cluster = c.Before.ClusterName.Value;
            var evidence = new List<Step>
            {
                Step.Plan(c.Change, $"add-on {name} {c.Before.Version.Value} of cluster {cluster} is removed, preserve = {(c.Before.Preserve.Value == true ? "true" : "false")}"),
            };
            if (context.Before.Aws.Addons.FirstOrDefault(a => a.Name == name && a.ClusterName == cluster) is { } state)
                evidence.Add(new($"add-on {name} {state.Version} is {state.Status} on {cluster}", state.Source));
            var workload = context.Topology.Workloads.FirstOrDefault(w => role is not null && w.ComponentName == role.Component);
            if (workload is not null)
                evidence.Add(new($"{workload.Workload.Key} is the add-on's workload, running on {LifecycleFindings.Plural(workload.Placement.Nodes.Length, "node", "nodes")}", workload.Workload.Source));
            evidence.Add(Step.Reference($"EKS deletes the add-on's objects ({role?.Workload ?? "its workloads"}) from the cluster when preserve is false",
                "https://docs.aws.amazon.com/eks/latest/userguide/removing-an-add-on.html"));
            if (role is not null) evidence.Add(Step.Reference("symptom: " + role.WhenGone, role.Reference));
            evidence.Add(new(c.Change.Kind == ChangeKind.Delete ? "when: immediate" : "when: immediate, until the replacement add-on is active", Kalc.Iac.Core.SourceRef.Of("EKS")));
            yield return LifecycleFindings.For(Rule, c.Change,
                $"EKS add-on {name} is {(c.Change.Kind == ChangeKind.Delete ? "deleted" : "replaced")} without preserve: EKS removes {role?.Workload ?? "its objects"}" +
                (role is not null ? $" and {role.WhenGone}." : "."),
                new Impact { Components = [role?.Component ?? name], Nodes = [.. workload?.Placement.Nodes ?? []], TimeToImpact = TimeToImpact.Immediate },
                evidence, name is "vpc-cni" or "coredns" or "kube-proxy" ? Severity.Critical : Severity.High);
        }
    }
}
