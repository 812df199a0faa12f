namespace Kalc.Iac.Analyzers.Rules.Kubespray;

/// <summary>The kubespray variables that decide the cluster's shape: a different value on a running cluster
/// reinstalls or reconfigures something cluster-wide.</summary>
public static class ShapeVariables
{
    public static readonly IReadOnlyList<string> Names =
    [
        "kube_network_plugin", "kube_network_plugin_multus", "kube_pods_subnet", "kube_service_addresses",
        "kube_network_node_prefix", "kube_pods_subnet_ipv6", "kube_service_addresses_ipv6", "kube_network_node_prefix_ipv6",
        "cloud_provider", "external_cloud_provider", "kube_version", "kube_proxy_mode", "container_manager",
        "cluster_name", "dns_mode", "dns_domain", "etcd_deployment_type", "kube_apiserver_port", "calico_pool_blocksize",
        "calico_ipip_mode", "calico_vxlan_mode", "calico_network_backend", "cilium_tunnel_mode", "enable_dual_stack_networks",
        "ipv4_stack", "ipv6_stack", "kubeconfig_localhost", "loadbalancer_apiserver", "apiserver_loadbalancer_domain_name",
    ];

    public static bool Contains(string name) => Names.Contains(name);
}
