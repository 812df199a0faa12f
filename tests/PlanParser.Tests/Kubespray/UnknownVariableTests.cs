using Kalc.Iac.PlanParser.Kubespray;

namespace Kalc.Iac.PlanParser.Tests.Kubespray;

public sealed class UnknownVariableTests
{
    [Fact]
    public void A_misspelt_variable_is_unknown_with_the_likely_intended_name()
    {
        var run = Resolve.Fixture("misplaced", new KubesprayOptions { Version = "v2.26.0" });
        var unknown = Assert.Single(run.UnknownVariables, u => u.Assignment.Name == "kube_pod_subnet");
        Assert.Equal("kube_pods_subnet", unknown.Suggestion);
        Assert.Equal("group_vars/all/all.yml", unknown.Assignment.Source.File);
        Assert.Equal(2, unknown.Assignment.Source.Line);
    }

    [Fact]
    public void The_sample_inventory_sets_no_unknown_variable()
    {
        foreach (var release in new[] { "master", "v2.26.0" })
        {
            var run = Resolve.Fixture("sample-master-with-hosts/inventory.ini", new KubesprayOptions { Version = release });
            Assert.Empty(run.UnknownVariables.Where(u => u.Assignment.Source.File.StartsWith("group_vars", StringComparison.Ordinal) && release == "master"));
        }
    }

    [Fact]
    public void Host_level_variables_kubespray_reads_are_known() =>
        Assert.DoesNotContain(Resolve.Fixture("precedence").UnknownVariables, u => u.Assignment.Name is "ip" or "ansible_host");
}
