using Kalc.Iac.PlanParser.Kubespray;

namespace Kalc.Iac.PlanParser.Tests.Kubespray;

public sealed class RenamedGroupsTests
{
    [Fact]
    public void Group_vars_for_the_old_k8s_cluster_name_are_ignored_when_the_inventory_uses_the_new_one()
    {
        var run = Resolve.Fixture("misplaced", new KubesprayOptions { Version = "v2.26.0" });
        var orphan = Assert.Single(run.OrphanVars, o => o.Name == "k8s-cluster");
        Assert.Equal("k8s_cluster", orphan.Renamed!.NewName);
        Assert.Equal("v2.16.0", orphan.Renamed.Release);
        Assert.Contains(orphan.Variables, v => v.Name == "kube_network_plugin" && v.Value.AsString() == "cilium");
        Assert.Equal("calico", run.Cluster["kube_network_plugin"].Value.Text);
        Assert.Equal("10.233.64.0/18", run.Cluster["kube_pods_subnet"].Value.Text);
    }

    [Fact]
    public void A_misspelt_group_vars_file_gets_the_closest_existing_group()
    {
        var run = Resolve.Fixture("misplaced", new KubesprayOptions { Version = "v2.26.0" });
        Assert.Equal("kube_node", Assert.Single(run.OrphanVars, o => o.Name == "kube_nodes").Suggestion);
    }

    [Fact]
    public void Kubespray_2_26_still_maps_hosts_of_the_legacy_groups_at_run_time()
    {
        var run = Resolve.Fixture("legacy-ini/inventory.ini", new KubesprayOptions { Version = "v2.26.0" });
        Assert.Empty(run.OrphanVars);
        Assert.Contains("kube_control_plane", run.Host("node1")!.Groups);
        Assert.Contains("k8s_cluster", run.Host("worker1")!.Groups);
        Assert.Equal("weave", run.Cluster["kube_network_plugin"].Value.Text);
    }

    [Fact]
    public void From_2_27_the_legacy_k8s_cluster_group_is_no_longer_mapped()
    {
        // dynamic_groups evaluates every mapping against the groups the host had before the task, so a host only in
        // kube-node joins kube_node but not k8s_cluster.
        var run = Resolve.Fixture("legacy-ini/inventory.ini", new KubesprayOptions { Version = "master" });
        Assert.DoesNotContain("k8s_cluster", run.Host("worker1")!.Groups);
        Assert.Contains("kube_node", run.Host("worker1")!.Groups);
        // k8s-cluster still exists in this inventory, so its group_vars still apply.
        Assert.Equal("weave", run.Cluster["kube_network_plugin"].Value.Text);
    }

    [Fact]
    public void The_sample_inventory_has_no_k8s_cluster_group_but_its_group_vars_apply_at_run_time()
    {
        var run = Resolve.Fixture("sample-master-with-hosts/inventory.ini");
        Assert.Empty(run.OrphanVars);
        Assert.Equal("group_vars/k8s_cluster/k8s-cluster.yml", run.Cluster["kube_network_plugin"].Value.Source.File);
        Assert.True(run.Cluster["kube_pods_subnet"].HostsAgree);
        Assert.Equal(6, run.Hosts.Length);
        Assert.False(run.Host("node1")!.InventoryVariables.ContainsKey("kube_network_plugin"));
    }
}
