using Kalc.Iac.PlanParser.Kubespray;
using Kalc.Iac.PlanParser.Kubespray.Model;

namespace Kalc.Iac.PlanParser.Tests.Kubespray;

public sealed class PrecedenceTests
{
    private static readonly KubesprayRun Run = Resolve.Fixture("precedence", new KubesprayOptions
    {
        Version = "master",
        ExtraVars = ["level_extra=extra-vars-win"],
    });

    [Theory]
    [InlineData("cp1", "level_all_inline", "all-inline")]
    [InlineData("cp1", "level_group_depth", "kube_control_plane-inline")]
    [InlineData("w1", "level_group_depth", "k8s_cluster-inline")]
    [InlineData("cp1", "level_priority", "alpha-by-priority")]
    [InlineData("cp1", "level_sibling", "k8s_cluster-by-name")]
    [InlineData("cp1", "level_group_vars_all", "second-file-wins")]
    [InlineData("cp1", "shadowed_by_group_vars_all", "group-vars-all-wins")]
    [InlineData("cp1", "level_group_vars_depth", "kube_control_plane-file")]
    [InlineData("cp1", "level_host", "host-inline")]
    [InlineData("cp1", "level_host_file", "host-vars-file-wins")]
    [InlineData("cp1", "level_extra", "extra-vars-win")]
    [InlineData("cp1", "kube_proxy_mode", "ipvs")]
    public void The_most_precedent_source_wins_at_every_level(string host, string variable, string expected) =>
        Assert.Equal(expected, Run.Text(host, variable));

    [Fact]
    public void A_role_default_says_the_file_and_line_it_comes_from()
    {
        var v = Run.Host("w1")!["kube_proxy_mode"]!;
        Assert.Equal(VariableSourceKind.RoleDefault, v.Source.Kind);
        Assert.Equal("roles/kubespray_defaults/defaults/main/main.yml", v.Source.File);
        Assert.Equal(34, v.Source.Line);
    }

    [Fact]
    public void An_inventory_value_replaces_the_role_default_and_remembers_it()
    {
        var v = Run.Host("cp1")!["kube_network_plugin"]!;
        Assert.Equal("cilium", v.Text);
        Assert.Equal("group_vars/k8s_cluster.yml", v.Source.File);
        Assert.Equal(2, v.Source.Line);
        Assert.Equal(["flannel", "calico"], v.Replaced.Select(r => r.Value.AsString()));
    }

    [Theory]
    [InlineData("derived_pods", "10.200.0.0/16")]
    [InlineData("derived_prefix", "25")]
    [InlineData("derived_text", "pods=10.200.0.0/16 prefix=25")]
    [InlineData("derived_default", "fallback")]
    [InlineData("derived_hostname", "cp1")]
    public void Plain_references_and_simple_filters_are_rendered(string variable, string expected) =>
        Assert.Equal(expected, Run.Text("cp1", variable));

    [Theory]
    [InlineData("derived_missing", "not_defined_anywhere")]
    [InlineData("derived_complex", "groups")]
    public void Templates_that_cannot_be_resolved_are_unknown_with_the_reason(string variable, string reason)
    {
        var v = Run.Host("cp1")![variable]!;
        Assert.False(v.Rendered.IsKnown);
        Assert.Contains(reason, v.Rendered.WhyUnknown, StringComparison.Ordinal);
    }

    [Fact]
    public void Hosts_that_disagree_on_a_variable_are_reported_per_host()
    {
        var prefix = Run.Cluster["kube_network_node_prefix"];
        Assert.False(prefix.HostsAgree);
        Assert.Equal("25", prefix.PerHost["cp1"].Text);
        Assert.Equal("24", prefix.PerHost["w1"].Text);
        Assert.True(Run.Cluster["kube_network_plugin"].HostsAgree);
    }

    [Fact]
    public void Group_vars_all_replacing_a_child_groups_inline_value_is_reported_as_shadowed()
    {
        var s = Assert.Single(Run.Shadowed, s => s.Assignment.Value.AsString() == "k8s_cluster-inline");
        Assert.Equal("group_vars/all/10-first.yml", s.Winner.Source.File);
        Assert.Equal(["cp1", "w1"], s.Hosts.Order());
        Assert.DoesNotContain(Run.Shadowed, s => s.Assignment.Name == "level_group_depth");
    }

    [Fact]
    public void A_sibling_group_winning_by_name_order_is_reported_as_shadowed() =>
        Assert.Contains(Run.Shadowed, s => s.Assignment.Name == "level_sibling" && s.Winner.Source.Owner == "k8s_cluster");
}
