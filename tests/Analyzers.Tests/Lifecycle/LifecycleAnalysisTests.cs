using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Catalog;
using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.Analyzers.Rules.Lifecycle;
using Kalc.Iac.Analyzers.Rules.Subnets;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;
using Kalc.Iac.KubeModel.Model;
using Kalc.Iac.PlanParser.Model;
using static Kalc.Iac.Analyzers.Tests.TestWorld;

namespace Kalc.Iac.Analyzers.Tests.Lifecycle;

/// <summary>The pure analyses behind the subnet, add-on and lifecycle rules (the rules themselves run end to end in fixtures/scenarios).</summary>
public class LifecycleAnalysisTests
{
    private static readonly SourceRef Src = SourceRef.Of("test");

    private static Subnet Subnet(string id, string zone, params (string, string)[] tags) => new()
    {
        SubnetId = id, VpcId = "vpc-1", AvailabilityZone = zone, Tags = tags.ToImmutableDictionary(t => t.Item1, t => t.Item2), Source = Src,
    };

    private static PlanValue Tags(params (string, string)[] tags) => Obj([.. tags.Select(t => (t.Item1, (object?)t.Item2))]);

    [Fact]
    public void A_tags_map_without_a_key_takes_it_off_the_subnet_and_an_added_key_is_no_loss()
    {
        var state = AwsState.Empty with { Subnets = [Subnet("subnet-a", "z1", ("kubernetes.io/role/elb", "1"), ("Name", "a"))] };
        var removed = Change("aws_subnet", "aws_subnet.a", [ChangeAction.Update],
            Obj(("id", "subnet-a"), ("tags", Tags(("kubernetes.io/role/elb", "1"), ("Name", "a")))), Obj(("id", "subnet-a"), ("tags", Tags(("Name", "a")))));
        var added = Change("aws_subnet", "aws_subnet.a", [ChangeAction.Update],
            Obj(("id", "subnet-a"), ("tags", Tags(("kubernetes.io/role/elb", "1"), ("Name", "a")))),
            Obj(("id", "subnet-a"), ("tags", Tags(("kubernetes.io/role/elb", "1"), ("Name", "a"), ("team", "x")))));

        var lost = Assert.Single(SubnetTagChanges.Find(state, [ResourceMappers.Map(removed)]));
        Assert.True(lost.Loses("kubernetes.io/role/elb"));
        Assert.False(lost.Loses("Name"));
        Assert.Empty(SubnetTagChanges.Find(state, [ResourceMappers.Map(added)]));
    }

    [Fact]
    public void Tags_all_is_read_before_tags_because_default_tags_are_in_it()
    {
        var state = AwsState.Empty with { Subnets = [Subnet("subnet-a", "z1", ("kubernetes.io/role/elb", "1"))] };
        var change = Change("aws_subnet", "aws_subnet.a", [ChangeAction.Update],
            Obj(("id", "subnet-a"), ("tags", Tags()), ("tags_all", Tags(("kubernetes.io/role/elb", "1")))),
            Obj(("id", "subnet-a"), ("tags", Tags(("x", "y"))), ("tags_all", Tags(("kubernetes.io/role/elb", "1"), ("x", "y")))));

        Assert.Empty(SubnetTagChanges.Find(state, [ResourceMappers.Map(change)]));
    }

    [Fact]
    public void An_ec2_tag_destroyed_removes_its_key_but_one_replaced_in_place_does_not()
    {
        var state = AwsState.Empty with { Subnets = [Subnet("subnet-a", "z1", ("karpenter.sh/discovery", "prod"))] };
        var tag = Obj(("resource_id", "subnet-a"), ("key", "karpenter.sh/discovery"), ("value", "prod"));
        var deleted = Change("aws_ec2_tag", "aws_ec2_tag.d", [ChangeAction.Delete], tag, PlanValue.Null);
        var replaced = Change("aws_ec2_tag", "aws_ec2_tag.d", [ChangeAction.Delete, ChangeAction.Create], tag,
            Obj(("resource_id", "subnet-a"), ("key", "karpenter.sh/discovery"), ("value", "prod-2")));

        Assert.True(Assert.Single(SubnetTagChanges.Find(state, [ResourceMappers.Map(deleted)])).Loses("karpenter.sh/discovery"));
        Assert.Empty(SubnetTagChanges.Find(state, [ResourceMappers.Map(replaced)]));
    }

    [Fact]
    public void A_destroyed_subnet_loses_every_tag()
    {
        var state = AwsState.Empty with { Subnets = [Subnet("subnet-a", "z1", ("kubernetes.io/role/internal-elb", "1"))] };
        var change = Change("aws_subnet", "aws_subnet.a", [ChangeAction.Delete], Obj(("id", "subnet-a")), PlanValue.Null);

        var lost = Assert.Single(SubnetTagChanges.Find(state, [ResourceMappers.Map(change)]));
        Assert.True(lost.Destroyed);
        Assert.True(lost.Loses("kubernetes.io/role/internal-elb"));
    }

    [Theory]
    [InlineData("external", null, null, false, true)]        // the controller's default scheme is internal
    [InlineData("external", "internet-facing", null, false, false)]
    [InlineData(null, null, null, false, false)]             // in-tree: internet-facing unless told otherwise
    [InlineData(null, null, "true", false, true)]
    [InlineData("nlb-ip", "internal", null, true, true)]
    public void Load_balancer_services_are_placed_by_the_controller_or_in_tree_with_their_scheme(string? type, string? scheme, string? internalFlag, bool explicitSubnets, bool isInternal)
    {
        var annotations = ImmutableDictionary.CreateBuilder<string, string>();
        if (type is not null) annotations["service.beta.kubernetes.io/aws-load-balancer-type"] = type;
        if (scheme is not null) annotations["service.beta.kubernetes.io/aws-load-balancer-scheme"] = scheme;
        if (internalFlag is not null) annotations["service.beta.kubernetes.io/aws-load-balancer-internal"] = internalFlag;
        if (explicitSubnets) annotations["service.beta.kubernetes.io/aws-load-balancer-subnets"] = "subnet-a, private-b";
        var kube = KubeState.Empty with { Services = [new KubeService { Namespace = "ns", Name = "s", Type = "LoadBalancer", Annotations = annotations.ToImmutable(), Source = Src }] };

        var user = Assert.Single(LoadBalancerUser.In(kube));
        Assert.Equal(isInternal, user.Internal);
        Assert.Equal(type is not null, user.ByController);
        Assert.Equal(explicitSubnets, user.ExplicitSubnets is not null);
        if (explicitSubnets) Assert.True(user.Names(Subnet("subnet-z", "z1", ("Name", "private-b"))));
    }

    [Fact]
    public void A_service_of_another_load_balancer_class_is_not_placed_by_aws()
    {
        var kube = KubeState.Empty with { Services = [new KubeService { Namespace = "ns", Name = "s", Type = "LoadBalancer", LoadBalancerClass = "example.com/lb", Source = Src }] };
        Assert.Empty(LoadBalancerUser.In(kube));
    }

    [Theory]
    [InlineData("coredns", "v1.11.1-eksbuild.16", "1.29", true)]
    [InlineData("coredns", "v1.9.3-eksbuild.2", "1.26", true)]
    [InlineData("kube-proxy", "v1.31.2-eksbuild.3", "1.29", false)]   // newer than the API server
    [InlineData("kube-proxy", "v1.26.15-eksbuild.2", "1.29", true)]   // three minor versions older
    [InlineData("kube-proxy", "v1.25.0-eksbuild.1", "1.29", false)]   // four
    [InlineData("kube-proxy", "v1.22.0-eksbuild.1", "1.24", true)]    // two, before 1.25
    [InlineData("kube-proxy", "v1.21.0-eksbuild.1", "1.24", false)]
    [InlineData("vpc-cni", "v1.19.0-eksbuild.1", "1.30", true)]      // the user guide's table
    [InlineData("vpc-cni", "v1.18.2-eksbuild.1", "1.23", true)]      // another build of a listed line
    [InlineData("aws-ebs-csi-driver", "v1.35.0-eksbuild.1", "1.31", true)] // the driver's stated floor (1.17)
    [InlineData("aws-ebs-csi-driver", "v1.35.0-eksbuild.1", "1.16", false)]
    [InlineData("eks-pod-identity-agent", "v1.3.4-eksbuild.1", "1.23", false)] // Pod Identity needs 1.24
    [InlineData("eks-pod-identity-agent", "v1.3.4-eksbuild.1", "1.30", true)]
    public void Add_on_compatibility_comes_from_the_catalog_and_the_skew_policy(string addon, string version, string cluster, bool compatible)
    {
        var verdict = new AddonCompatibility([]).Check(addon, version, cluster);
        Assert.NotNull(verdict);
        Assert.Equal(compatible, verdict.Value.Compatible);
    }

    [Fact]
    public void An_add_on_version_nothing_publishes_is_unknown_not_compatible()
    {
        Assert.Null(new AddonCompatibility([]).Check("vpc-cni", "v1.19.0-eksbuild.1", "1.34"));
        // 1.24-1.28: Pod Identity depends on the cluster's platform version, which is not judged
        Assert.Null(new AddonCompatibility([]).Check("eks-pod-identity-agent", "v1.3.4-eksbuild.1", "1.26"));
        Assert.Null(new AddonCompatibility([]).Check("coredns", "v1.11.4-eksbuild.2", "1.34"));
    }

    [Fact]
    public void Describe_addon_versions_in_the_state_decides_over_the_catalog()
    {
        var stated = new AddonVersionInfo { AddonName = "coredns", Version = "v1.11.1-eksbuild.16", ClusterVersions = ["1.28"], Source = Src };
        var verdict = new AddonCompatibility([stated]).Check("coredns", "v1.11.1-eksbuild.16", "1.29");
        Assert.False(verdict!.Value.Compatible);
        Assert.Equal(Src, verdict.Value.From);
    }

    [Fact]
    public void A_drain_finds_single_replica_workloads_and_budgets_that_allow_no_disruption()
    {
        var i = Instance("i-1", "p");
        var node = Node(i);
        var web = new Workload { Kind = "Deployment", Namespace = "shop", Name = "web", Replicas = 3, PodLabels = ImmutableDictionary<string, string>.Empty.Add("app", "web"), Source = Src };
        var pay = new Workload { Kind = "Deployment", Namespace = "shop", Name = "pay", Replicas = 1, PodLabels = ImmutableDictionary<string, string>.Empty.Add("app", "pay"), Source = Src };
        var world = World([], [], [i], [node], [web, pay]);
        var kube = world.Kube with
        {
            PodDisruptionBudgets =
            [
                new PodDisruptionBudget { Namespace = "shop", Name = "web", MinAvailable = "2", Selector = new LabelSelector { MatchLabels = web.PodLabels }, Source = Src },
                new PodDisruptionBudget { Namespace = "shop", Name = "pay", MaxUnavailable = "0", Selector = new LabelSelector { MatchLabels = pay.PodLabels }, Source = Src },
            ],
        };
        var topology = new Cluster.ClusterTopology(world with { Kube = kube }, ComponentCatalog.Default);

        var drain = NodeDrain.Of(topology, kube, [node.Name]);

        Assert.Equal(["shop/pay"], drain.SingleReplica.Select(w => $"{w.Workload.Namespace}/{w.Workload.Name}"));
        Assert.Equal(["pay"], drain.BlockingBudgets.Select(b => b.Budget.Name));
        Assert.Equal(2, drain.OnlyThere.Count);
    }
}
