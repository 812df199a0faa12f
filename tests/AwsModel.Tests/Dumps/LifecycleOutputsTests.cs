using System.Text;
using Kalc.Iac.AwsModel.Dumps;
using Kalc.Iac.AwsModel.Model;

namespace Kalc.Iac.AwsModel.Tests.Dumps;

/// <summary>The aws-cli outputs that say where nodes and load balancers go and what replaces them: route tables, node
/// groups, Fargate profiles, add-ons (real aws-cli example outputs, fixtures/aws/SOURCES.md).</summary>
public sealed class LifecycleOutputsTests
{
    private static AwsStateFragment Parse(string fixture)
    {
        var result = AwsDumpParser.Parse(Fixtures.Bytes("aws/aws-cli/" + fixture), fixture);
        Assert.True(result.IsOk, result.Error?.ToString());
        return result.Value;
    }

    private static AwsStateFragment ParseText(string json, string file = "f.json")
    {
        var result = AwsDumpParser.Parse(Encoding.UTF8.GetBytes(json), file);
        Assert.True(result.IsOk, result.Error?.ToString());
        return result.Value;
    }

    [Theory]
    [InlineData("ec2_describe-route-tables.json", "ec2 describe-route-tables")]
    [InlineData("eks_describe-nodegroup.json", "eks describe-nodegroup")]
    [InlineData("eks_list-nodegroups.json", "eks list-nodegroups")]
    [InlineData("eks_describe-fargate-profile.json", "eks describe-fargate-profile")]
    [InlineData("eks_describe-addon.json", "eks describe-addon")]
    public void Each_output_is_recognised_by_its_content(string fixture, string command) =>
        Assert.Equal(command, Parse(fixture).Command);

    [Fact]
    public void Route_tables_give_main_flag_subnet_associations_and_nat_or_internet_gateway_routes()
    {
        var tables = Parse("ec2_describe-route-tables.json").State.RouteTables;
        Assert.Equal(3, tables.Length);
        var nat = tables[0];
        Assert.True(nat.IsMain);
        Assert.Empty(nat.SubnetIds);
        var natRoute = Assert.Single(nat.Routes, r => r.IsDefault);
        Assert.True(natRoute.ToNatGateway);
        Assert.Equal("nat-06c018cbd8EXAMPLE", natRoute.Target);
        Assert.Equal("blackhole", natRoute.State);
        var igw = tables[2];
        Assert.False(igw.IsMain);
        Assert.Equal(["subnet-0d3d002af8EXAMPLE"], igw.SubnetIds.ToArray());
        Assert.True(Assert.Single(igw.Routes, r => r.IsDefault).ToInternetGateway);
        Assert.Equal("local", igw.Routes[0].GatewayId);
    }

    [Fact]
    public void Describe_nodegroup_gives_scaling_update_config_versions_subnets_role_and_its_auto_scaling_group()
    {
        var g = Assert.Single(Parse("eks_describe-nodegroup.json").State.Nodegroups);
        Assert.Equal(("my-eks-nodegroup", "my-eks-cluster"), (g.Name, g.ClusterName));
        Assert.Equal(("1.26", "1.26.12-20240329", "AL2_x86_64"), (g.Version, g.ReleaseVersion, g.AmiType));
        Assert.Equal((1, 3, 1), (g.MinSize, g.MaxSize, g.DesiredSize));
        Assert.Equal(1, g.MaxUnavailable);
        Assert.Null(g.MaxUnavailablePercentage);
        Assert.Equal(["t3.medium"], g.InstanceTypes.ToArray());
        Assert.Equal(3, g.SubnetIds.Length);
        Assert.Equal("arn:aws:iam::111122223333:role/role-name", g.NodeRoleArn);
        Assert.Equal(["eks-my-eks-nodegroup-a8c75f2f-df78-a72f-4063-4b69af3de5b1"], g.AutoScalingGroupNames.ToArray());
        Assert.Null(g.LaunchTemplateId);
        Assert.Contains(AwsStateKind.Nodegroups, Parse("eks_describe-nodegroup.json").State.Loaded);
    }

    [Fact]
    public void A_nodegroup_with_a_launch_template_and_a_percentage_reads_both()
    {
        var g = Assert.Single(ParseText("""
            {"nodegroup":{"nodegroupName":"ng","clusterName":"prod","launchTemplate":{"name":"nodes","version":"7","id":"lt-0abc"},
             "updateConfig":{"maxUnavailablePercentage":33},"scalingConfig":{"minSize":3,"maxSize":9,"desiredSize":6}}}
            """).State.Nodegroups);
        Assert.Equal(("lt-0abc", "nodes", "7"), (g.LaunchTemplateId, g.LaunchTemplateName, g.LaunchTemplateVersion));
        Assert.Equal(33, g.MaxUnavailablePercentage);
        Assert.Equal(2, g.NodesAtOnce(6));
    }

    [Theory]
    [InlineData(null, null, 10, 1)]
    [InlineData(3, null, 10, 3)]
    [InlineData(20, null, 4, 4)]
    [InlineData(null, 100, 10, 10)]
    [InlineData(null, 100, 250, 100)]
    [InlineData(null, 10, 5, 1)]
    public void Nodes_at_once_follows_update_config_and_the_eks_default_of_one(int? count, int? percent, int nodes, int expected) =>
        Assert.Equal(expected, new EksNodegroup
        {
            Name = "g",
            ClusterName = "c",
            MaxUnavailable = count,
            MaxUnavailablePercentage = percent,
            Source = Kalc.Iac.Core.SourceRef.Of("f"),
        }.NodesAtOnce(nodes));

    [Fact]
    public void Fargate_profile_gives_its_pod_execution_role_selectors_and_subnets()
    {
        var p = Assert.Single(Parse("eks_describe-fargate-profile.json").State.FargateProfiles);
        Assert.Equal("arn:aws:iam::111122223333:role/eksctl-my-eks-cluster-farga-FargatePodExecutionRole-1htfAaJdJUEO", p.PodExecutionRoleArn);
        Assert.Equal(2, p.Selectors.Length);
        Assert.Equal("prod*", p.Selectors[0].Namespace);
        Assert.Equal("*value1", p.Selectors[0].Labels["labelname*?"]);
        Assert.Equal(3, p.SubnetIds.Length);
    }

    [Fact]
    public void Describe_addon_gives_name_cluster_version_and_service_account_role()
    {
        var a = Assert.Single(Parse("eks_describe-addon.json").State.Addons);
        Assert.Equal(("vpc-cni", "my-eks-cluster", "v1.16.4-eksbuild.2"), (a.Name, a.ClusterName, a.Version));
        Assert.Equal("arn:aws:iam::111122223333:role/eksctl-my-eks-cluster-addon-vpc-cni-Role1-YfakrqOC1UTm", a.ServiceAccountRoleArn);
        Assert.Empty(a.PodIdentityAssociationArns);
    }

    [Fact]
    public void Describe_addon_versions_gives_the_cluster_versions_each_version_is_published_for()
    {
        var f = ParseText("""
            {"addons":[{"addonName":"kube-proxy","type":"networking","addonVersions":[
              {"addonVersion":"v1.29.0-eksbuild.1","architecture":["amd64","arm64"],"compatibilities":[{"clusterVersion":"1.29","platformVersions":["*"],"defaultVersion":true}]},
              {"addonVersion":"v1.28.2-eksbuild.2","architecture":["amd64"],"compatibilities":[{"clusterVersion":"1.28","platformVersions":["*"],"defaultVersion":false},{"clusterVersion":"1.29","platformVersions":["*"],"defaultVersion":false}]}]}]}
            """);
        Assert.Equal("eks describe-addon-versions", f.Command);
        Assert.Equal(2, f.State.AddonVersions.Length);
        Assert.Equal(["1.28", "1.29"], f.State.AddonVersions[1].ClusterVersions.ToArray());
        Assert.Equal(["1.29"], f.State.AddonVersions[0].DefaultFor.ToArray());
        Assert.Contains(AwsStateKind.AddonVersions, f.State.Loaded);
    }

    [Fact]
    public void List_addons_is_told_apart_from_describe_addon_versions_by_its_items()
    {
        Assert.Equal("eks list-addons", ParseText("""{"addons":["vpc-cni","coredns"]}""").Command);
        Assert.Equal("eks describe-addon-versions", ParseText("""{"addons":[]}""").Command);
    }

    [Fact]
    public void A_listed_node_group_without_its_describe_output_is_named_missing()
    {
        var merged = AwsStateMerger.Merge([Parse("eks_list-nodegroups.json"), Parse("eks_describe-nodegroup.json")]);
        Assert.Single(merged.Nodegroups);
        var line = Assert.Single(merged.Missing);
        Assert.Equal("eks describe-nodegroup: eks_list-nodegroups.json lists my-eks-managed-node-group, but no eks describe-nodegroup output for it was given", line);
        Assert.Contains(AwsStateKind.Nodegroups, merged.Loaded);
    }

    [Fact]
    public void An_empty_node_group_list_says_there_are_none()
    {
        var merged = AwsStateMerger.Merge([ParseText("""{"nodegroups":[]}""")]);
        Assert.Contains(AwsStateKind.Nodegroups, merged.Loaded);
        Assert.Empty(merged.Missing);
    }

    [Fact]
    public void Subnets_launch_templates_groups_and_clusters_carry_the_new_fields()
    {
        var subnet = Parse("ec2_describe-subnets_ex2.json").State.Subnets[0];
        Assert.True(subnet.MapPublicIpOnLaunch);
        Assert.Equal("use1-az2", subnet.AvailabilityZoneId);
        var versions = Parse("ec2_describe-launch-template-versions.json").State.LaunchTemplateVersions;
        Assert.Equal(("ami-6057e21a", "t2.small"), (versions[0].ImageId, versions[0].InstanceType));
        Assert.Equal(["sg-7c227019"], versions[0].SecurityGroupIds.ToArray());
        Assert.False(versions[2].HasUserData); // "UserData": "" is no user data
        var asg = Parse("autoscaling_describe-auto-scaling-groups_ex1.json").State.AutoScalingGroups[0];
        Assert.NotEmpty(asg.SubnetIds);
        Assert.False(asg.MixedInstances);
        var cluster = Parse("eks_describe-cluster.json").State.EksClusters[0];
        Assert.Equal(("ipv4", "eks.14", "ACTIVE"), (cluster.IpFamily, cluster.PlatformVersion, cluster.Status));
    }

    [Fact]
    public void A_mixed_instances_group_gives_its_template_overrides_per_instance_versions_and_autoscaler_tags()
    {
        var g = Assert.Single(ParseText("""
            {"AutoScalingGroups":[{"AutoScalingGroupName":"nodes","MinSize":1,"MaxSize":5,"DesiredCapacity":2,
             "MixedInstancesPolicy":{"LaunchTemplate":{"LaunchTemplateSpecification":{"LaunchTemplateId":"lt-1","LaunchTemplateName":"nodes","Version":"$Latest"},
               "Overrides":[{"InstanceType":"m5.large"},{"InstanceType":"m5a.large"}]}},
             "Instances":[{"InstanceId":"i-1","LaunchTemplate":{"LaunchTemplateId":"lt-1","Version":"3"}}],
             "VPCZoneIdentifier":"subnet-a, subnet-b",
             "Tags":[{"Key":"k8s.io/cluster-autoscaler/enabled","Value":"true"},{"Key":"k8s.io/cluster-autoscaler/prod","Value":"owned"}]}]}
            """).State.AutoScalingGroups);
        Assert.True(g.MixedInstances);
        Assert.Equal(("lt-1", "$Latest"), (g.LaunchTemplateId, g.LaunchTemplateVersion));
        Assert.Equal(["m5.large", "m5a.large"], g.OverrideInstanceTypes.ToArray());
        Assert.Equal(["subnet-a", "subnet-b"], g.SubnetIds.ToArray());
        Assert.Equal("3", g.InstanceLaunchTemplateVersions["i-1"]);
        Assert.True(g.IsClusterAutoscalerDiscoverable);
    }

    [Fact]
    public void Cluster_encryption_keys_are_read()
    {
        var c = Assert.Single(ParseText("""
            {"cluster":{"name":"prod","version":"1.29","encryptionConfig":[{"resources":["secrets"],"provider":{"keyArn":"arn:aws:kms:us-east-1:111122223333:key/abc"}}],
             "kubernetesNetworkConfig":{"serviceIpv4Cidr":"172.20.0.0/16","ipFamily":"ipv4"}}}
            """).State.EksClusters);
        Assert.Equal(["arn:aws:kms:us-east-1:111122223333:key/abc"], c.EncryptionKeyArns.ToArray());
    }
}
