using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Rules.Kubespray;
using Kalc.Iac.Core;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.Analyzers.Tests.Kubespray;

/// <summary>LiveCluster reads kubeadm-config through KubeModel's ClusterConfiguration model, so every shape kubeadm
/// writes (https://kubernetes.io/docs/reference/config-api/kubeadm-config.v1beta3/ maps of extraArgs,
/// https://kubernetes.io/docs/reference/config-api/kubeadm-config.v1beta4/ lists of {name, value}) and any YAML
/// style gives the same facts to the kubespray rules.</summary>
public sealed class LiveClusterKubeadmTests
{
    private static LiveCluster Of(string clusterConfiguration) => new(Live.State(configMaps:
    [
        new ConfigMap
        {
            Namespace = "kube-system",
            Name = "kubeadm-config",
            Data = ImmutableDictionary<string, string>.Empty.Add("ClusterConfiguration", clusterConfiguration),
            Source = SourceRef.Of("configmaps.json", null, "ConfigMap/kube-system/kubeadm-config"),
        },
    ]));

    [Fact]
    public void V1beta4_extra_args_lists_give_the_controller_managers_cloud_provider()
    {
        var live = Of("""
            apiServer:
              extraArgs:
              - name: authorization-mode
                value: Node,RBAC
            apiVersion: kubeadm.k8s.io/v1beta4
            controllerManager:
              extraArgs:
              - name: cloud-provider
                value: external
            kind: ClusterConfiguration
            kubernetesVersion: v1.31.4
            networking:
              podSubnet: 10.233.64.0/18
              serviceSubnet: 10.233.0.0/18
            """);

        Assert.Equal("external", live.CloudProviderArg);
        Assert.Equal(("10.233.64.0/18", "10.233.0.0/18", "v1.31.4"), (live.PodSubnet, live.ServiceSubnet, live.KubernetesVersion));
        Assert.Equal("configmaps.json", live.KubeadmSource!.File);
    }

    [Fact]
    public void V1beta3_flow_style_and_quoted_values_are_read_as_yaml_not_as_lines()
    {
        var live = Of("""
            apiVersion: kubeadm.k8s.io/v1beta3
            kind: ClusterConfiguration
            # podSubnet: 192.168.0.0/16 was the default before
            kubernetesVersion: "v1.28.6"
            networking: {podSubnet: "10.244.0.0/16,fd00:10:244::/56", serviceSubnet: 10.96.0.0/12}
            apiServer: {extraArgs: {cloud-provider: aws}}
            """);

        Assert.Equal("10.244.0.0/16,fd00:10:244::/56", live.PodSubnet);
        Assert.Equal("10.96.0.0/12", live.ServiceSubnet);
        Assert.Equal("v1.28.6", live.KubernetesVersion);
        Assert.Equal("aws", live.CloudProviderArg);
    }

    [Fact]
    public void An_unreadable_cluster_configuration_leaves_every_fact_unknown()
    {
        var live = Of("networking:\n  podSubnet: [\n");

        Assert.Null(live.KubeadmConfig);
        Assert.Null(live.PodSubnet);
        Assert.Null(live.CloudProviderArg);
    }
}
