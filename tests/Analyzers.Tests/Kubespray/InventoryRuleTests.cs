using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Rules.Kubespray;

namespace Kalc.Iac.Analyzers.Tests.Kubespray;

/// <summary>The rules about the inventory itself: misplaced group_vars, unknown variables, variables that do not
/// reach every host, unexpected precedence, and changes against a baseline inventory.</summary>
public sealed class InventoryRuleTests
{
    [Fact]
    public void Group_vars_under_a_renamed_group_name_fall_back_to_defaults()
    {
        var findings = Scenario.Of("misplaced").Findings(new GroupVarsForMissingGroup());
        var f = Assert.Single(findings, f => f.Change!.Address == "group_vars/k8s-cluster");
        Assert.Equal(Severity.High, f.Severity);
        Assert.Contains("kubespray renamed the group 'k8s-cluster' to 'k8s_cluster' in v2.16.0", f.Message, StringComparison.Ordinal);
        Assert.Contains("kube_network_plugin = calico from role default (roles/kubespray-defaults/defaults/main/main.yml:186) (not cilium)", f.Message, StringComparison.Ordinal);
        Assert.Contains("git mv", f.Remediation, StringComparison.Ordinal);
        Assert.Contains("misplaced/group_vars/k8s_cluster (merge", f.Remediation, StringComparison.Ordinal);
        Assert.Equal(["cp1", "cp2", "w1"], f.Impact.Nodes.ToArray());
    }

    [Fact]
    public void Group_vars_named_after_an_existing_group_are_quiet() =>
        Assert.Empty(Scenario.Of("healthy").Findings(new GroupVarsForMissingGroup()));

    [Fact]
    public void A_misspelt_variable_fires_with_the_intended_name()
    {
        var f = Assert.Single(Scenario.Of("misplaced").Findings(new UnknownVariable()), f => f.Change!.Address == "kube_pod_subnet");
        Assert.Contains("did you mean kube_pods_subnet?", f.Message, StringComparison.Ordinal);
        Assert.Equal(Severity.High, f.Severity);
        Assert.Equal(2, f.Source!.Line);
        Assert.Empty(Scenario.Of("healthy").Findings(new UnknownVariable()));
    }

    [Fact]
    public void A_cluster_variable_set_only_for_kube_node_fires_and_names_both_values()
    {
        var f = Assert.Single(Scenario.Of("var-in-kube-node").Findings(new VariableNotReachingAllHosts()));
        Assert.Contains("cilium on w1", f.Message, StringComparison.Ordinal);
        Assert.Contains("calico on cp1, cp2", f.Message, StringComparison.Ordinal);
        Assert.Empty(Scenario.Of("healthy").Findings(new VariableNotReachingAllHosts()));
    }

    [Fact]
    public void An_inline_value_replaced_by_group_vars_all_fires_and_a_more_specific_winner_is_quiet()
    {
        var findings = Scenario.Of("precedence", version: "master").Findings(new ShadowedByUnexpectedSource());
        Assert.Contains(findings, f => f.Message.StartsWith("shadowed_by_group_vars_all = k8s_cluster-inline", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Change!.Address == "level_group_depth");
        Assert.Empty(Scenario.Of("healthy").Findings(new ShadowedByUnexpectedSource()));
    }

    [Fact]
    public void Against_a_baseline_each_changed_cluster_variable_is_reported_with_both_sources()
    {
        var findings = Scenario.Of("misplaced", baseline: "healthy").Findings(new BaselineShapeChange());
        var f = Assert.Single(findings, f => f.Change!.Address == "kube_network_plugin");
        Assert.Contains("changes from cilium (group_vars/k8s_cluster/k8s-cluster.yml:3", f.Message, StringComparison.Ordinal);
        Assert.Contains("to calico (role default", f.Message, StringComparison.Ordinal);
        Assert.Equal(Severity.High, f.Severity);
        Assert.Empty(Scenario.Of("healthy", baseline: "healthy").Findings(new BaselineShapeChange()));
    }
}
