using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.Analyzers.Mapping.Aws;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Rules.Lifecycle;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Rules.Subnets;

/// <summary>KIAC606: the default route through a NAT gateway of subnets that nodes run in (or launch into) goes away: the
/// aws_route is destroyed, or the NAT gateway it points at is.</summary>
public sealed class NodeEgressRouteRemoved : IRule, IRequiresState
{
    public const string Id = "KIAC606";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "subnets",
        "Node subnets lose their route to a NAT gateway",
        Severity.High,
        rationale: "Nodes in private subnets reach everything outside the VPC - the EKS API endpoint when it is public, ECR and S3 for " +
            "images, STS and EC2 for the VPC CNI, any external service - through the default route to a NAT gateway. Without it (the route " +
            "destroyed, or the NAT gateway, leaving a blackhole route) image pulls, new node bootstrap and AWS API calls from the nodes fail " +
            "unless VPC endpoints cover each of them.",
        remediation: "Keep the route (or replace the NAT gateway with create_before_destroy and move the route in the same apply), or add " +
            "VPC endpoints for every AWS service the nodes call (ecr.api, ecr.dkr, s3, sts, ec2, eks, logs) first.",
        "kubelet", "aws-node", "workloads")
        .Judging(["aws_route", "aws_nat_gateway"], StateNeed.RouteTables, StateNeed.Instances);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<string> MissingState(AnalysisContext context)
    {
        if (!context.Mapped.Any(m => m.Change.IsDelete && m is RouteChange or NatGatewayChange)) yield break;
        if (!context.Before.Aws.Loaded.Contains(AwsStateKind.RouteTables))
            yield return "route tables (aws ec2 describe-route-tables): needed to know which subnets route through the NAT gateway";
        if (!context.Before.Aws.Loaded.Contains(AwsStateKind.Instances))
            yield return "EC2 instances (aws ec2 describe-instances): needed to know which nodes run in those subnets";
    }

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        // Only deleted routes and NAT gateways; the rest of the work is per such change (its lambdas capture what it
        // reads, and a capture in this loop would be an object per change of the plan).
        foreach (var m in context.Mapped)
            if (m.Change.IsDelete && m is (RouteChange or NatGatewayChange) && For(context, m) is { } finding)
                yield return finding;
    }

    private static Finding? For(AnalysisContext context, MappedChange m)
    {
        var aws = context.Before.Aws;
        var (tables, nat, what) = m switch
        {
            RouteChange r when r.Before?.RouteTableId.Value is { } t && r.Before.NatGatewayId.Value is { } n && IsDefault(r.Before.Destination.Value)
                && !RouteStays(r) => (aws.RouteTables.Where(x => x.RouteTableId == t).ToList(), n, $"the default route of {t} to {n} is removed"),
            NatGatewayChange g when g.Before?.Id.Value is { } n && g.Change.RemovesObject && !RoutesMoved(context, n)
                => (aws.RouteTables.Where(x => x.Routes.Any(rt => rt.NatGatewayId == n && rt.IsDefault)).ToList(), n, $"NAT gateway {n} is destroyed; the routes to it become blackholes"),
            _ => (null, null, null),
        };
        if (tables is not { Count: > 0 } || nat is null || what is null) return null;
        var subnets = SubnetsRoutedBy(aws, tables);
        var instances = aws.Instances.Where(i => i.IsLive && i.SubnetId is { } s && subnets.Contains(s)).ToList();
        var nodes = instances.Select(i => context.Topology.NodeOf(i.InstanceId)).OfType<KubeModel.Model.KubeNode>().Select(n => n.Name).ToList();
        var groups = aws.Nodegroups.Where(g => g.SubnetIds.Any(subnets.Contains)).Select(g => $"node group {g.Name}")
            .Concat(context.Before.Kube.NodeClasses.Where(c => c.ResolvedSubnetIds.Any(subnets.Contains)).Select(c => $"EC2NodeClass {c.Name}")).ToList();
        if (instances.Count == 0 && groups.Count == 0) return null;
        var evidence = new List<Step> { Step.Plan(m.Change, what) };
        foreach (var t in tables)
            evidence.Add(new($"route table {t.RouteTableId} routes 0.0.0.0/0 to {nat} for {(t.IsMain ? "the VPC's main table subnets" : LifecycleFindings.Join(t.SubnetIds))}", t.Source));
        if (instances.Count > 0)
            evidence.Add(new($"{LifecycleFindings.Plural(instances.Count, "instance runs", "instances run")} in those subnets ({LifecycleFindings.Join(instances.Select(i => i.InstanceId))})", instances[0].Source));
        if (groups.Count > 0) evidence.Add(new($"{LifecycleFindings.Join(groups)} launch nodes into them", Kalc.Iac.Core.SourceRef.Of("kalc-iac state")));
        evidence.Add(Step.Reference("symptom: nodes cannot reach the internet or public AWS endpoints: image pulls (ECR), the public EKS endpoint, STS/EC2 calls of the VPC CNI fail unless VPC endpoints exist",
            "https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html"));
        evidence.Add(new("when: immediate for running nodes; new nodes fail to join", Kalc.Iac.Core.SourceRef.Of("VPC")));
        return LifecycleFindings.For(Rule, m.Change,
            $"Subnets {LifecycleFindings.Join(subnets, 4)} lose their default route through {nat}: " +
            $"{LifecycleFindings.Plural(nodes.Count > 0 ? nodes.Count : instances.Count, "node", "nodes")}" + (groups.Count > 0 ? $" and {LifecycleFindings.Join(groups, 3)}" : "") + " lose egress.",
            new Impact { Components = ["kubelet", "aws-node"], Nodes = [.. nodes], Instances = [.. instances.Select(i => i.InstanceId)], TimeToImpact = TimeToImpact.Immediate },
            evidence);
    }

    private static bool IsDefault(string? destination) => destination is "0.0.0.0/0" or "::/0";

    /// <summary>A replacement that recreates the same default route to a NAT gateway (destroy, then create: a short gap; create first: none).</summary>
    private static bool RouteStays(RouteChange r) =>
        r.Change.Kind == ChangeKind.Replace && r.Change.ReplaceOrder == ReplaceOrder.CreateBeforeDestroy && r.After?.NatGatewayId is { IsKnown: false } or { Value: not null };

    /// <summary>True when the plan points the routes at another NAT gateway (an aws_route updated away from this one).</summary>
    private static bool RoutesMoved(AnalysisContext context, string nat) =>
        context.MappedOf<RouteChange>().Any(r => r.Before?.NatGatewayId.Value == nat && r.Change.Kind == ChangeKind.Update && r.After?.NatGatewayId.Value != nat);

    private static HashSet<string> SubnetsRoutedBy(AwsState aws, List<RouteTable> tables)
    {
        var set = new HashSet<string>(tables.SelectMany(t => t.SubnetIds), StringComparer.Ordinal);
        foreach (var main in tables.Where(t => t.IsMain))
        {
            var explicitly = aws.RouteTables.SelectMany(t => t.SubnetIds).ToHashSet(StringComparer.Ordinal);
            foreach (var s in aws.Subnets.Where(s => s.VpcId == main.VpcId && !explicitly.Contains(s.SubnetId))) set.Add(s.SubnetId);
        }
        return set;
    }
}
