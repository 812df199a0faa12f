using Kalc.Iac.KubeModel.Model;
using Kalc.Iac.KubeModel.Readers;

namespace Kalc.Iac.KubeModel.Tests.Readers;

public sealed class AwsAuthAndKubeadmTests
{
    private const string NodeRole = "arn:aws:iam::555555555555:role/devel-worker-nodes-NodeInstanceRole-74RF4UBDUKL6";

    private static KubeState Read(string relative)
    {
        var r = KubeStateDirectory.Read(Fixtures.Path(relative));
        Assert.True(r.IsOk, r.Error?.ToString());
        return r.Value;
    }

    [Theory]
    [InlineData("aws-iam-authenticator_aws-auth.yaml")]
    [InlineData("aws-iam-authenticator_aws-auth-crazy-case-keys.yaml")]
    [InlineData("aws-iam-authenticator_aws-auth-open-source-case-keys.yaml")]
    public void Map_roles_entry_keys_are_case_insensitive_as_in_aws_iam_authenticator(string file)
    {
        var state = Read("k8s/real/aws-auth/" + file);
        var m = Assert.Single(state.AwsAuthRoleMappings);
        Assert.Equal(NodeRole, m.RoleArn);
        Assert.Equal("system:node:{{EC2PrivateDNSName}}", m.Username);
        Assert.Equal(["system:bootstrappers", "system:nodes"], m.Groups.ToArray());
        Assert.Equal("data.mapRoles[0]", m.Source.Path);
        Assert.Empty(state.Missing);
    }

    [Theory]
    [InlineData("aws-iam-authenticator_aws-auth-lower-case-top-keys.yaml", "maproles")]
    [InlineData("aws-iam-authenticator_aws-auth-crazy-case-top-keys.yaml", "MaPrOlEs")]
    public void A_wrongly_cased_map_roles_key_maps_nothing_and_says_why(string file, string key)
    {
        var state = Read("k8s/real/aws-auth/" + file);
        Assert.Empty(state.AwsAuthRoleMappings);
        Assert.Contains(state.Missing, m => m.Contains($"key '{key}' is ignored by aws-iam-authenticator", StringComparison.Ordinal) && m.EndsWith("maps no roles", StringComparison.Ordinal));
        Assert.Empty(state.AwsAuthUserMappings); // mapusers is ignored the same way
        Assert.Equal(2, state.Missing.Length);
    }

    [Fact]
    public void A_space_out_of_place_folds_the_groups_into_one_as_the_authenticator_reads_them()
    {
        var m = Assert.Single(Read("k8s/real/aws-auth/aws-iam-authenticator_aws-auth-space-out-of-place.yaml").AwsAuthRoleMappings);
        Assert.Equal(["system:bootstrappers - system:nodes"], m.Groups.ToArray());
        Assert.False(m.IsNodeMapping);
    }

    [Fact]
    public void A_map_roles_that_is_not_a_string_makes_the_config_map_invalid_and_is_reported_not_fatal()
    {
        var state = Read("k8s/real/aws-auth/aws-iam-authenticator_aws-auth-missing-bar.yaml");
        Assert.Empty(state.ConfigMaps);
        Assert.Empty(state.AwsAuthRoleMappings);
        Assert.Contains("data.mapRoles is a array, not a string", Assert.Single(state.Missing), StringComparison.Ordinal);
        Assert.Contains(KubeStateKind.ConfigMaps, state.Loaded);
    }

    [Fact]
    public void Mis_indented_map_roles_yaml_is_reported_in_missing_and_maps_nothing()
    {
        var state = Read("k8s/real/aws-auth/eks-user-guide_aws-auth-hybrid.yml");
        Assert.Single(state.ConfigMaps);
        Assert.Empty(state.AwsAuthRoleMappings);
        Assert.Contains("mapRoles is not valid YAML (line", Assert.Single(state.Missing), StringComparison.Ordinal);
    }

    [Fact]
    public void Kubeadm_v1beta1_config_gives_subnets_version_endpoint_and_in_tree_aws_cloud_provider()
    {
        var c = Read("k8s/real/kubeadm-config/cluster-api-upgrade-tool_kubeadm-config_aws_v1beta1.yaml").KubeadmConfig!;
        Assert.Equal(("kubeadm.k8s.io/v1beta1", "v1.13.7", "example.com:6443"), (c.ApiVersion, c.KubernetesVersion, c.ControlPlaneEndpoint));
        Assert.Equal(("192.168.0.0/16", "10.96.0.0/12"), (c.PodSubnet, c.ServiceSubnet));
        Assert.Equal("aws", c.CloudProvider);
        Assert.Equal("aws", c.ApiServerExtraArgs["cloud-provider"]);
    }

    [Fact]
    public void Kubeadm_v1beta2_config_without_cloud_provider_says_none()
    {
        var c = Read("k8s/built/kubeadm-config-v1beta2.yaml").KubeadmConfig!;
        Assert.Equal(("kubeadm.k8s.io/v1beta2", "v1.20.15", "192.168.0.0/16"), (c.ApiVersion, c.KubernetesVersion, c.PodSubnet));
        Assert.Null(c.CloudProvider);
        Assert.Empty(c.ControllerManagerExtraArgs);
    }

    [Fact]
    public void Kubeadm_v1beta4_extra_args_are_a_list_of_name_value_pairs()
    {
        var c = Read("k8s/built/kubeadm-config-v1beta4.yaml").KubeadmConfig!;
        Assert.Equal("kubeadm.k8s.io/v1beta4", c.ApiVersion);
        Assert.Equal("external", c.CloudProvider);
        Assert.Equal("24", c.ControllerManagerExtraArgs["node-cidr-mask-size-ipv4"]);
        Assert.Equal("Node,RBAC", c.ApiServerExtraArgs["authorization-mode"]);
        Assert.Equal(("10.233.64.0/18", "10.233.0.0/18", "lb.example.internal:6443"), (c.PodSubnet, c.ServiceSubnet, c.ControlPlaneEndpoint));
    }

    [Fact]
    public void Kubeadm_v1beta3_extra_args_are_maps_and_controller_manager_wins_for_the_cloud_provider()
    {
        // https://kubernetes.io/docs/reference/config-api/kubeadm-config.v1beta3/#kubeadm-k8s-io-v1beta3-ControlPlaneComponent
        var missing = new List<string>();
        var cm = new ConfigMap
        {
            Namespace = "kube-system", Name = "kubeadm-config", Source = Core.SourceRef.Of("cm.yaml"),
            Data = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("ClusterConfiguration", """
                apiVersion: kubeadm.k8s.io/v1beta3
                kind: ClusterConfiguration
                kubernetesVersion: v1.27.9
                apiServer:
                  extraArgs:
                    cloud-provider: aws
                controllerManager:
                  extraArgs: {cloud-provider: external, node-cidr-mask-size: "24"}
                networking: {podSubnet: 10.244.0.0/16, serviceSubnet: "10.96.0.0/12"}
                """),
        };
        var c = KubeadmConfigParser.Parse(cm, missing)!;
        Assert.Empty(missing);
        Assert.Equal(("kubeadm.k8s.io/v1beta3", "v1.27.9", "10.244.0.0/16", "10.96.0.0/12"), (c.ApiVersion, c.KubernetesVersion, c.PodSubnet, c.ServiceSubnet));
        Assert.Equal("aws", c.ApiServerExtraArgs["cloud-provider"]);
        Assert.Equal("external", c.CloudProvider);
        Assert.Equal("24", c.ControllerManagerExtraArgs["node-cidr-mask-size"]);
        Assert.Equal("data.ClusterConfiguration", c.Source.Path);
    }

    [Fact]
    public void A_broken_cluster_configuration_is_reported_and_leaves_the_config_unknown()
    {
        var missing = new List<string>();
        var cm = new ConfigMap
        {
            Namespace = "kube-system", Name = "kubeadm-config", Source = Core.SourceRef.Of("cm.yaml"),
            Data = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("ClusterConfiguration", "networking:\n  podSubnet: [\n"),
        };
        Assert.Null(KubeadmConfigParser.Parse(cm, missing));
        Assert.Contains("ClusterConfiguration is not valid YAML", Assert.Single(missing), StringComparison.Ordinal);
    }
}
