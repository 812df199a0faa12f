using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Mapping.Aws;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Network;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Rules.Networking;

/// <summary>The security groups the plan destroys or replaces, with what of the cluster carries them, computed once.</summary>
public sealed record RemovedGroups(ImmutableArray<RemovedGroup> All) : ISharedAnalysis<RemovedGroups>
{
    public static RemovedGroups Compute(AnalysisContext context) =>
        new(SecurityGroupRemoval.Run(context.Topology, context.MappedOf<SecurityGroupChange>(), FlowCatalog.Default));
}

/// <summary>KIAC503: a security group carried by running nodes, pods' branch ENIs or the EKS control plane is destroyed or
/// replaced.</summary>
public sealed class AttachedGroupRemoved : IRule, IRequiresState
{
    public const string Id = "KIAC503";

    private const string InUse = "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteSecurityGroup.html";
    private const string Recreating = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group#recreating-a-security-group";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "node-networking",
        "Security group carried by the cluster's nodes, pods or control plane is destroyed or replaced",
        Severity.High,
        rationale: "EC2 does not delete a security group that network interfaces still carry (DependencyViolation): destroying, or " +
            "replacing (destroy then create, or create before destroy), a group on the nodes' instances, on pods' branch ENIs " +
            "(security groups for pods) or on the EKS control plane's ENIs makes the apply retry until the provider's delete timeout " +
            "and fail, leaving the plan half applied; the running instances keep the old group, while whatever the plan re-points " +
            "(launch templates, node groups) uses the new one. If the group does go from those ENIs, every flow only its rules " +
            "allowed stops at once: the control plane to the kubelets and webhooks, the nodes to the API server, DNS between nodes.",
        remediation: "Move the ENIs off the group first (new group on the launch template / node group, nodes rolled, cluster " +
            "security groups updated), then remove it in a later change; to change a group's name or description, add the new group " +
            "beside it (create_before_destroy with name_prefix) and keep the old one until nothing carries it.",
        "kubelet", "kube-apiserver", "coredns")
        .Judging(["aws_security_group"], StateNeed.Instances, StateNeed.SecurityGroups, StateNeed.NetworkInterfaces);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<string> MissingState(AnalysisContext context)
    {
        var removed = context.Analysis<RemovedGroups>().All;
        if (removed.IsEmpty) return [];
        var aws = context.Before.Aws;
        var missing = new List<string>();
        var names = string.Join(", ", removed.Select(r => r.GroupId));
        if (!aws.Loaded.Contains(AwsStateKind.Instances))
            missing.Add($"EC2 instances (aws ec2 describe-instances): the plan destroys or replaces {names}; which nodes carry it is unknown");
        if (removed.Any(r => !r.Attached) && !aws.Loaded.Contains(AwsStateKind.NetworkInterfaces))
            missing.Add($"network interfaces (aws ec2 describe-network-interfaces): the plan destroys or replaces {names}; whether pods' branch ENIs or the control plane's ENIs carry it is unknown");
        return missing;
    }

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        foreach (var g in context.Analysis<RemovedGroups>().All)
        {
            if (!g.Attached) continue;
            var change = g.Change;
            var carriers = Carriers(g);
            var evidence = new List<Evidence>
            {
                Findings.PlanStep(change, $"security group {g.GroupId}{(g.GroupName is { } n ? $" ({n})" : "")} is {(change.Kind == ChangeKind.Delete ? "destroyed" : "replaced by a new group")}"),
            };
            if (!g.Instances.IsEmpty)
                evidence.Add(new($"it is on {Plural(g.Instances.Length, "running node instance")}: {Join(g.Instances.Select(i => i.InstanceId))} (nodes {Join(g.Nodes)})", g.Instances[0].Source));
            var podEnis = g.Interfaces.Where(e => e.IsPodBranch).ToList();
            if (podEnis.Count > 0)
                evidence.Add(new($"it is on {Plural(podEnis.Count, "pod branch ENI")} (security groups for pods): {Join(podEnis.Select(e => e.NetworkInterfaceId))}", podEnis[0].Source));
            var otherEnis = g.Interfaces.Where(e => !e.IsPodBranch).ToList();
            if (otherEnis.Count > 0)
                evidence.Add(new($"it is on {Plural(otherEnis.Count, "network interface")} of the cluster: {Join(otherEnis.Select(e => e.NetworkInterfaceId + (e.Description is { Length: > 0 } d ? $" ({d})" : "")))}", otherEnis[0].Source));
            if (g.ClusterRole is { } role)
                evidence.Add(new($"it is the {role} (eks describe-cluster resourcesVpcConfig): EKS puts it on the control plane's ENIs", g.ClusterSource!));
            evidence.Add(new("EC2 refuses to delete a security group that network interfaces still carry (DependencyViolation): the provider retries until its delete timeout, then the apply fails with the rest of the plan half applied",
                SourceRef.Reference(InUse)));
            if (change.Kind == ChangeKind.Replace)
                evidence.Add(new(change.ReplaceOrder == ReplaceOrder.CreateBeforeDestroy
                    ? "create before destroy: the new group is created and what references the group is re-pointed first, but the running instances keep the old group, so its delete still fails"
                    : "destroy, then create: the old group's delete comes first and fails, so the new group is never created",
                    SourceRef.Reference(Recreating)));
            foreach (var loss in g.Losses.DistinctBy(l => (l.Flow.Id, l.Source.Name, l.Destination.Name, l.Port)).Take(12))
                evidence.Add(new($"once it is gone from them: {loss.Flow.Describe(loss.Port)} from {loss.Source.Name} to {loss.Destination.Name}" +
                    $"{(loss.Target is { } t ? $" ({t.Name})" : "")} is allowed only by {Allowing(loss.Before)}: {loss.Flow.Breaks}", SourceRef.Of(loss.Flow.SourceLink)));
            if (!g.RulesKnown)
                evidence.Add(new($"which flows stop is not known: the rules of {g.GroupId} are not in the state (aws ec2 describe-security-groups)", SourceRef.Analysis("security group rules")));
            else if (g.Losses.IsEmpty)
                evidence.Add(new("no flow of the reachability catalog passes only through this group: other groups on the same ENIs still allow them", SourceRef.Catalog("flows.json", FlowCatalog.Default.Version)));
            evidence.Add(new("when: immediate - at the apply's DeleteSecurityGroup", SourceRef.Reference(InUse)));
            var flows = g.Losses.Select(l => l.Flow.Component).Distinct(StringComparer.Ordinal).ToList();
            var stops = g.Losses.Select(l => l.Flow.Id).Distinct(StringComparer.Ordinal).Count();
            var severity = g.Losses.Any(l => l.Flow.Severity == Severity.Critical && !l.ModeUncertain) ? Severity.Critical : Rule.Severity;
            var message = $"{change.Address} {(change.Kind == ChangeKind.Delete ? "destroys" : "replaces")} security group {g.GroupId}, which {carriers}: " +
                "EC2 refuses the delete while they do, so the apply fails" +
                (stops > 0 ? $"; once it is gone from them, {Plural(stops, "flow")} the cluster needs stop{(stops == 1 ? "s" : "")} ({string.Join(", ", g.Losses.Select(l => l.Flow.Id).Distinct(StringComparer.Ordinal))})." : ".");
            yield return Findings.For(Rule, change, message, new Impact
            {
                Components = [.. flows],
                // The nodes that carry the group, and those whose flows stop with it (a cluster security group the nodes do not carry).
                Instances = [.. g.Instances.Select(i => i.InstanceId).Concat(g.Losses.SelectMany(l => l.Source.Instances.Concat(l.Destination.Instances))).Distinct(StringComparer.Ordinal)],
                Nodes = [.. g.Nodes.Concat(g.Losses.SelectMany(l => l.Source.Nodes.Concat(l.Destination.Nodes))).Distinct(StringComparer.Ordinal)],
                TimeToImpact = TimeToImpact.Immediate,
            }, evidence, severity);
        }
    }

    private static string Carriers(RemovedGroup g)
    {
        var parts = new List<string>();
        if (!g.Instances.IsEmpty) parts.Add(Plural(g.Instances.Length, "node instance"));
        var pods = g.Interfaces.Count(e => e.IsPodBranch);
        if (pods > 0) parts.Add(Plural(pods, "pod branch ENI"));
        var others = g.Interfaces.Count(e => !e.IsPodBranch && e.InstanceId is null);
        if (others > 0) parts.Add(Plural(others, "control-plane ENI"));
        if (g.ClusterRole is { } r) parts.Add("the EKS control plane (" + r + ")");
        var one = parts.Count == 1 && (parts[0].StartsWith("1 ", StringComparison.Ordinal) || parts[0].StartsWith("the ", StringComparison.Ordinal));
        return string.Join(", ", parts) + (one ? " carries" : " carry");
    }

    private static string Allowing(ReachResult r) =>
        string.Join(" and ", new[] { r.Ingress, r.Egress }.OfType<SecurityGroupRule>().Select(NetworkFindings.Describe));

    private static string Plural(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";

    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 6 ? string.Join(", ", list) : string.Join(", ", list.Take(6)) + $" and {list.Count - 6} more";
    }
}
