using Kalc.Iac.PlanParser.Kubespray;

namespace Kalc.Iac.PlanParser.Tests.Kubespray;

/// <summary>Hosts in the same groups share the values no host sets (resolved once); a value that reads a host's own
/// variable or inventory_hostname, directly or through another variable, is still each host's own.</summary>
public sealed class SharedResolutionTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "kalc-shared-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>An inventory of <paramref name="hostsYaml"/> with <paramref name="allVars"/> as group_vars/all.yml.</summary>
    private Core.ParseResult<Model.Change> Resolve(string hostsYaml, string allVars)
    {
        Directory.CreateDirectory(Path.Combine(_dir, "group_vars"));
        File.WriteAllText(Path.Combine(_dir, "hosts.yaml"), hostsYaml);
        File.WriteAllText(Path.Combine(_dir, "group_vars", "all.yml"), allVars);
        return KubesprayInventoryReader.Read(_dir, new KubesprayOptions { Version = "master" });
    }

    [Fact]
    public void Templates_that_read_host_variables_resolve_per_host_and_the_rest_is_shared()
    {
        var result = Resolve("""
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
            """,
            """
            node_ip: "{{ ip | default('none') }}"
            node_cidr: "{{ node_ip }}/32"
            greeting: "hello {{ inventory_hostname }}"
            proxy_note: "proxy {{ kube_proxy_mode }}"
            named: "{{ cluster_name }}-x"
            """);
        Assert.True(result.IsOk, result.Error?.ToString());
        var run = result.Value.Kubespray!;

        Assert.Equal(["10.0.0.1/32", "none/32", "10.0.0.3/32"], new[] { "a", "b", "c" }.Select(h => run.Text(h, "node_cidr")));
        Assert.Equal(["hello a", "hello b", "hello c"], new[] { "a", "b", "c" }.Select(h => run.Text(h, "greeting")));
        Assert.Equal(["proxy ipvs", "proxy ipvs", "proxy nftables"], new[] { "a", "b", "c" }.Select(h => run.Text(h, "proxy_note")));
        Assert.Equal(["cluster.local-x"], new[] { "a", "b", "c" }.Select(h => run.Text(h, "named")).Distinct());
        Assert.False(run.Cluster["node_cidr"].HostsAgree);
        Assert.True(run.Cluster["named"].HostsAgree);
    }

    [Fact]
    public void A_template_left_unrendered_for_its_filter_is_shared_and_a_cycle_stays_unknown_on_every_host()
    {
        var result = Resolve("""
            all:
              hosts:
                a: {ip: 10.0.0.1}
                b: {ip: 10.0.0.2}
              children:
                kube_node:
                  hosts: {a: , b: }
                k8s_cluster:
                  children: {kube_node: }
            """,
            """
            reads_joined: "{{ joined }}"
            joined: "{{ ['x', 'y'] | map('upper') | join(',') }}"
            loop_a: "{{ loop_b }}"
            loop_b: "{{ loop_a }}"
            address: "{{ ip }}:6443"
            """);
        var run = result.Value!.Kubespray!;
        var (a, b) = (run.Host("a")!, run.Host("b")!);

        // Unknown because a filter is not rendered: the same on every host, so one value object serves them all.
        Assert.False(a["reads_joined"]!.Rendered.IsKnown);
        Assert.Same(a["joined"], b["joined"]);
        Assert.Same(a["reads_joined"], b["reads_joined"]);
        // A cycle is unknown wherever rendering starts.
        Assert.All(new[] { a, b }, h => Assert.Contains("refers to itself", h["loop_a"]!.Rendered.WhyUnknown, StringComparison.Ordinal));
        Assert.Equal(["10.0.0.1:6443", "10.0.0.2:6443"], new[] { "a", "b" }.Select(h => run.Text(h, "address")));
        Assert.True(run.Cluster["joined"].HostsAgree);
        Assert.False(run.Cluster["address"].HostsAgree);
        Assert.Equal(["a", "b"], run.Cluster["address"].PerHost.Keys);
    }
}
