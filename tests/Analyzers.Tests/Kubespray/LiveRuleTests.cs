using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Rules.Kubespray;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.Analyzers.Tests.Kubespray;

/// <summary>The rules that compare a run with the live cluster, each against the "healthy" inventory (cilium,
/// 10.42.0.0/16 pods, 10.43.0.0/16 services, /24 per node, v1.30.4, aws) and a live state that matches or not.</summary>
public sealed class LiveRuleTests
{
    private static KubeState Matching(
        string cni = "cilium", string podSubnet = "10.42.0.0/16", string serviceSubnet = "10.43.0.0/16", string version = "v1.30.4",
        string nodePrefix = "24", string[]? controlPlane = null, string? cloud = "aws") =>
        Live.State(
            [
                .. (controlPlane ?? ["cp1", "cp2"]).Select((n, i) => Live.Node(n, $"10.42.{i}.0/{nodePrefix}", controlPlane: true, ip: $"10.0.1.{11 + i}", providerId: cloud is null ? null : $"aws:///eu-west-1a/i-0{i}")),
                Live.Node("w1", $"10.42.9.0/{nodePrefix}", ip: "10.0.2.21", providerId: cloud is null ? null : "aws:///eu-west-1a/i-09"),
            ],
            [Live.DaemonSet(cni == "cilium" ? "cilium" : cni == "calico" ? "calico-node" : cni), Live.DaemonSet("kube-proxy")],
            [Live.KubeadmConfig(podSubnet, serviceSubnet, version, cloud)]);

    [Fact]
    public void A_run_that_matches_the_live_cluster_finds_nothing_and_misses_nothing_but_aws()
    {
        var scenario = Scenario.Of("healthy", Matching());
        Assert.Empty(scenario.AllFindings());
        Assert.Equal("KIAC312: AWS VPCs and subnets (--aws-state) to check pod and service CIDRs against", string.Join(" | ", scenario.Missing()));
    }

    [Fact]
    public void A_different_network_plugin_than_the_running_cni_installs_a_second_cni()
    {
        var f = Assert.Single(Scenario.Of("healthy", Matching(cni: "calico")).Findings(new SecondCniPlugin()));
        Assert.Equal(Severity.Critical, f.Severity);
        Assert.Contains("kube_network_plugin is cilium", f.Message, StringComparison.Ordinal);
        Assert.Contains("calico (DaemonSet kube-system/calico-node)", f.Message, StringComparison.Ordinal);
        Assert.Contains("/etc/cni/net.d", f.Message, StringComparison.Ordinal);
        Assert.EndsWith("group_vars/k8s_cluster/k8s-cluster.yml", f.Source!.File, StringComparison.Ordinal);
        Assert.Equal(3, f.Source.Line);
        Assert.Equal(TimeToImpact.OnNextKubesprayRun, f.Impact.TimeToImpact);
        Assert.Equal("kube_network_plugin", f.Change!.Address);
        Assert.Equal(["kubespray-run"], f.Change.Actions.ToArray());
    }

    [Fact]
    public void A_different_pod_subnet_than_kubeadm_config_and_the_node_podcidrs_is_reported()
    {
        var f = Assert.Single(Scenario.Of("healthy", Matching(podSubnet: "10.244.0.0/16") with { }).Findings(new PodSubnetChange()));
        Assert.Contains("podSubnet 10.244.0.0/16", f.Message, StringComparison.Ordinal);
        var state = Live.State([Live.Node("cp1", "10.244.1.0/24", true)], [], []);
        var g = Assert.Single(Scenario.Of("healthy", state).Findings(new PodSubnetChange()));
        Assert.Contains("cp1 10.244.1.0/24", g.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_different_service_subnet_is_reported() =>
        Assert.Contains("10.96.0.0/12", Assert.Single(Scenario.Of("healthy", Matching(serviceSubnet: "10.96.0.0/12")).Findings(new ServiceSubnetChange())).Message, StringComparison.Ordinal);

    [Fact]
    public void A_different_node_prefix_than_the_nodes_podcidr_size_is_reported() =>
        Assert.Contains("/25 podCIDRs", Assert.Single(Scenario.Of("healthy", Matching(nodePrefix: "25")).Findings(new NodePrefixChange())).Message, StringComparison.Ordinal);

    [Fact]
    public void Switching_the_cloud_provider_off_is_reported()
    {
        var f = Assert.Single(Scenario.Of("misplaced", Matching()).Findings(new CloudProviderChange()));
        Assert.Contains("switches the cloud provider off", f.Message, StringComparison.Ordinal);
        Assert.Empty(Scenario.Of("healthy", Matching()).Findings(new CloudProviderChange()));
        Assert.Empty(Scenario.Of("misplaced", Matching(cloud: null)).Findings(new CloudProviderChange()));
    }

    [Fact]
    public void Control_plane_hosts_that_share_nothing_with_the_running_control_plane_make_a_second_one()
    {
        var f = Assert.Single(Scenario.Of("healthy", Matching(controlPlane: ["master1", "master2"])).Findings(new SecondControlPlane()));
        Assert.Equal(Severity.Critical, f.Severity);
        Assert.Contains("second control plane", f.Message, StringComparison.Ordinal);
        Assert.Contains("cp1 has the address of node master1 (10.0.1.11)", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_control_plane_member_is_reported_as_added_and_left_out()
    {
        var f = Assert.Single(Scenario.Of("healthy", Matching(controlPlane: ["cp1", "cp3"])).Findings(new SecondControlPlane()));
        Assert.Equal(Severity.High, f.Severity);
        Assert.Contains("adds cp2", f.Message, StringComparison.Ordinal);
        Assert.Contains("leaves out running control-plane node(s) cp3", f.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v1.31.2", "downgrades the cluster from v1.31.2 to v1.30.4")]
    [InlineData("v1.28.6", "skipping 1 minor version")]
    public void A_kube_version_downgrade_or_minor_skip_is_reported(string running, string expected) =>
        Assert.Contains(expected, Assert.Single(Scenario.Of("healthy", Matching(version: running)).Findings(new KubeVersionSkew())).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("v1.29.9")]
    [InlineData("v1.30.1")]
    public void A_one_minor_upgrade_or_a_patch_upgrade_is_quiet(string running) =>
        Assert.Empty(Scenario.Of("healthy", Matching(version: running)).Findings(new KubeVersionSkew()));

    [Fact]
    public void A_pod_cidr_overlapping_the_vpc_is_reported_and_a_disjoint_vpc_is_quiet()
    {
        static AwsState Vpc(string cidr) => new()
        {
            Vpcs = [new Vpc { VpcId = "vpc-1", CidrBlocks = [cidr], Source = SourceRef.Of("describe-vpcs.json") }],
            Loaded = [AwsStateKind.Vpcs, AwsStateKind.Subnets],
        };
        var f = Assert.Single(Scenario.Of("healthy", Matching(), aws: Vpc("10.42.128.0/17")).Findings(new ClusterCidrOverlapsVpc()));
        Assert.Contains("kube_pods_subnet 10.42.0.0/16", f.Message, StringComparison.Ordinal);
        Assert.Contains("VPC vpc-1 10.42.128.0/17", f.Message, StringComparison.Ordinal);
        Assert.Empty(Scenario.Of("healthy", Matching(), aws: Vpc("10.0.0.0/16")).Findings(new ClusterCidrOverlapsVpc()));
    }

    [Fact]
    public void Without_live_state_no_live_rule_fires_and_each_says_what_it_lacked()
    {
        var scenario = Scenario.Of("healthy");
        Assert.Empty(scenario.AllFindings());
        var missing = scenario.Missing();
        foreach (var id in new[] { "KIAC305", "KIAC306", "KIAC307", "KIAC308", "KIAC309", "KIAC310", "KIAC311", "KIAC312" })
            Assert.Contains(missing, m => m.StartsWith(id + ":", StringComparison.Ordinal) || m.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unresolved_kube_version_is_reported_as_missing_not_as_safe()
    {
        var scenario = Scenario.Of("misplaced", Matching(), version: "master");
        Assert.Empty(scenario.Findings(new KubeVersionSkew()));
        Assert.Contains(scenario.Missing(), m => m.StartsWith("KIAC311: kube_version is unresolved", StringComparison.Ordinal));
    }
}
