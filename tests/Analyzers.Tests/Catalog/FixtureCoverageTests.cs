using Kalc.Iac.Analyzers.Catalog;
using Kalc.Iac.Tests;

namespace Kalc.Iac.Analyzers.Tests.Catalog;

/// <summary>Every resource type the plans under fixtures/ mention is in the type catalogue, or belongs to a provider the
/// catalogue does not cover, named here.</summary>
public sealed class FixtureCoverageTests
{
    /// <summary>Providers of the fixture plans that the catalogue does not list (their types get the default,
    /// may-affect "not in the catalogue"): test and mock providers, other clouds and SaaS, and the utility providers.</summary>
    private static readonly string[] NotCovered =
        ["azuredevops", "corner", "example", "github", "google", "local", "null", "random", "terraform", "test", "tfcoremock"];

    [Fact]
    public void Every_resource_type_in_the_fixture_plans_is_in_the_catalogue_or_its_provider_is_named_as_not_covered()
    {
        var found = FixturePlanTypes.Collect(
            [RepoPaths.Fixture("terraform-plans"), RepoPaths.Fixture("pulumi"), RepoPaths.Fixture("scenarios")]);
        var catalogued = found.Keys.Where(t => ResourceTypeCatalog.Default.Classify(t).InCatalogue).ToList();
        Assert.True(catalogued.Count > 60, $"only {catalogued.Count} catalogued types found in the fixtures: is the collector broken?");
        Assert.Contains("aws:iam/role:Role", catalogued);
        Assert.Contains("aws_iam_role", catalogued);
        var uncovered = found.Where(kv => !ResourceTypeCatalog.Default.Classify(kv.Key).InCatalogue && !NotCovered.Contains(ProviderOf(kv.Key)))
            .Select(kv => $"{kv.Key} ({kv.Value})").ToList();
        Assert.True(uncovered.Count == 0, "not in the catalogue: " + string.Join("; ", uncovered));
        var seen = found.Keys.Select(ProviderOf).ToHashSet(StringComparer.Ordinal);
        Assert.All(NotCovered, p => Assert.True(seen.Contains(p), $"{p} is named as not covered but no fixture plan uses it"));
        Assert.DoesNotContain(ResourceTypeCatalog.Default.Sources, s => NotCovered.Contains(s.Provider));
    }

    private static string ProviderOf(string type)
    {
        var colon = type.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0) return type[..colon];
        var underscore = type.IndexOf('_', StringComparison.Ordinal);
        return underscore > 0 ? type[..underscore] : type;
    }
}
