using Kalc.Iac.Analyzers.Rules.Kubespray;

namespace Kalc.Iac.Analyzers.Tests.Kubespray;

public sealed class RuleSetTests
{
    [Fact]
    public void Kubespray_rule_ids_are_unique_in_the_KIAC3xx_range_and_each_has_a_generated_doc_page()
    {
        var ids = Kalc.Iac.Analyzers.Rules.RuleRegistry.InCategory("kubespray").Select(r => r.Descriptor.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^KIAC3[0-9]{2}$", id));
        Assert.All(Kalc.Iac.Analyzers.Rules.RuleRegistry.InCategory("kubespray"), r => Assert.StartsWith($"# {r.Descriptor.Id}: {r.Descriptor.Title}",
            File.ReadAllText(Path.Combine(Scenario.Root, "docs", "rules", r.Descriptor.Id + ".md")), StringComparison.Ordinal));
    }
}
