using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Network;
using Kalc.Iac.AwsModel.Model;

namespace Kalc.Iac.Analyzers.Rules.Networking;

/// <summary>KIAC501: a security group change blocks a flow the cluster needs between the control plane and the nodes or
/// between nodes (kubelet 10250, the API server, DNS, the CNI's data path).</summary>
public sealed class NodeFlowBlocked : IRule, IRequiresState
{
    public const string Id = "KIAC501";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "node-networking",
        "Security group change blocks traffic the cluster needs",
        Severity.High,
        rationale: "Security groups are allow-lists on every ENI: a flow passes only when an egress rule of a group on the sender " +
            "and an ingress rule of a group on the receiver allow it. The control plane must reach every kubelet (tcp 10250), nodes " +
            "must reach the API server (443 on EKS, 6443 with kubeadm), pods must reach CoreDNS on other nodes (53), and the CNI in " +
            "use needs its own ports between nodes (Calico BGP 179 / IP-in-IP / VXLAN 4789, Cilium 8472 / 6081 / 4240, Flannel " +
            "8472). Removing the last rule that allows one of these - inline in aws_security_group, or an aws_security_group_rule / " +
            "aws_vpc_security_group_*_rule - breaks it at once. A flow that another rule or group still allows is not reported.",
        remediation: "Keep a rule that allows the flow (between the groups named in the evidence), or add the replacement rule in " +
            "the same change; for EKS see the security group requirements in the EKS User Guide.",
        "kubelet", "kube-apiserver", "coredns", "calico-node", "cilium", "kube-flannel")
        .Judging(["aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"], StateNeed.Instances, StateNeed.SecurityGroups);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<string> MissingState(AnalysisContext context)
    {
        if (!context.Network.TouchesGroups) return [];
        var missing = new List<string>(context.Network.Unknown);
        if (!context.Before.Aws.Loaded.Contains(AwsStateKind.SecurityGroups))
            missing.Add("security group rules (aws ec2 describe-security-groups): the plan changes security groups");
        if (!context.Before.Aws.Loaded.Contains(AwsStateKind.Instances))
            missing.Add("EC2 instances (aws ec2 describe-instances): the plan changes security groups; which nodes carry them is unknown");
        return missing;
    }

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        foreach (var group in NetworkFindings.ByChanges(context.Network.Losses.Where(l => l.Target is null)))
        {
            foreach (var byFlow in group.GroupBy(l => l.Flow.Id, StringComparer.Ordinal))
            {
                var losses = byFlow.ToList();
                var flow = losses[0].Flow;
                var nodes = losses.SelectMany(l => l.Source.Nodes.Concat(l.Destination.Nodes)).Distinct(StringComparer.Ordinal).Count();
                var uncertain = losses.All(l => l.ModeUncertain);
                var severity = uncertain ? Severity.Medium : flow.Severity;
                var message = $"{NetworkFindings.Changes(losses[0].CausedBy)} blocks {flow.Describe(losses[0].Port)} from {losses[0].Source.Name} to " +
                    $"{losses[0].Destination.Name}{(losses.Count > 1 ? $" (and {losses.Count - 1} more endpoint pair{(losses.Count > 2 ? "s" : "")})" : "")}: " +
                    $"{flow.Breaks} ({ClusterNetwork.Plural(nodes, "node")}){(uncertain ? $"; this flow is needed only when {flow.Component} uses {flow.Mode}" : "")}.";
                yield return NetworkFindings.Build(Rule, losses, severity, message, []);
            }
        }
    }
}
