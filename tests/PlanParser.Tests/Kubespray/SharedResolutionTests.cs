using Kalc.Iac.PlanParser.Kubespray;

namespace Kalc.Iac.PlanParser.Tests.Kubespray;

/// <summary>Hosts in the same groups share the values no host sets (resolved once); a value that reads a host's own
/// variable or inventory_hostname, directly or through another variable, is still each host's own.</summary>
public sealed class SharedResolutionTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "kalc-shared-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Templates_that_read_host_variables_resolve_per_host_and_the_rest_is_shared()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "group_vars"));
        File.WriteAllText(Path.Combine(_dir, "hosts.yaml"), """
            all:
              hosts:
                a: {ip: 10.0.0.1}
                b: {}
                c: {ip: 10.0.0.3, kube_proxy_mode: nftables}
              children:
                kube_node:
                  hosts: {a: , b: , c: }
                k8s_cluster:
                  children: {kube_node: }
            """);
        File.WriteAllText(Path.Combine(_dir, "group_vars", "all.yml"), """
            node_ip: "{{ ip | default('none') }}"
            node_cidr: "{{ node_ip }}/32"
            greeting: "hello {{ inventory_hostname }}"
            proxy_note: "proxy {{ kube_proxy_mode }}"
            named: "{{ cluster_name }}-x"
            """);
        var result = KubesprayInventoryReader.Read(_dir, new KubesprayOptions { Version = "master" });
        Assert.True(result.IsOk, result.Error?.ToString());
        var run = result.Value.Kubespray!;

        Assert.Equal(["10.0.0.1/32", "none/32", "10.0.0.3/32"], new[] { "a", "b", "c" }.Select(h => run.Text(h, "node_cidr")));
        Assert.Equal(["hello a", "hello b", "hello c"], new[] { "a", "b", "c" }.Select(h => run.Text(h, "greeting")));
        Assert.Equal(["proxy ipvs", "proxy ipvs", "proxy nftables"], new[] { "a", "b", "c" }.Select(h => run.Text(h, "proxy_note")));
        Assert.Equal(["cluster.local-x"], new[] { "a", "b", "c" }.Select(h => run.Text(h, "named")).Distinct());
        Assert.False(run.Cluster["node_cidr"].HostsAgree);
        Assert.True(run.Cluster["named"].HostsAgree);
    }
}
