using System.Text.Json;
using Kalc.Iac.Analyzers.Catalog;
using Kalc.Iac.Analyzers.Rules;

namespace Kalc.Iac.Analyzers.Tests.Permissions;

public class RequirementCatalogTests
{
    private static readonly RequirementCatalog Catalog = RequirementCatalog.Default;

    /// <summary>Every Allow action of a policy file, read independently of the generator.</summary>
    private static HashSet<string> AllowedActions(string file)
    {
        using var doc = JsonDocument.Parse(RepoFixtures.PolicyText(file));
        var statements = doc.RootElement.GetProperty("Statement");
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray().ToList() : [statements])
        {
            if (s.GetProperty("Effect").GetString() != "Allow" || !s.TryGetProperty("Action", out var a)) continue;
            if (a.ValueKind == JsonValueKind.String) result.Add(a.GetString()!);
            else foreach (var x in a.EnumerateArray()) result.Add(x.GetString()!);
        }
        return result;
    }

    [Fact]
    public void Every_component_of_the_component_catalog_has_an_entry()
    {
        foreach (var c in ComponentCatalog.Default.Components)
            Assert.NotNull(Catalog.For(c.Name));
    }

    [Fact]
    public void Each_entry_lists_exactly_the_actions_its_upstream_policy_files_allow()
    {
        foreach (var c in Catalog.Components)
        {
            var expected = c.Sources.SelectMany(s => AllowedActions(s.File)).ToHashSet(StringComparer.Ordinal);
            var actual = c.Requirements.Select(r => r.Action).ToHashSet(StringComparer.Ordinal);
            Assert.True(expected.SetEquals(actual), $"{c.Component}: catalog and {string.Join(", ", c.Sources.Select(s => s.File))} differ; run src/Analyzers/Catalog/generate_requirements.py");
        }
    }

    [Fact]
    public void Essential_actions_are_among_the_requirements_and_every_entry_names_its_source_commit()
    {
        foreach (var c in Catalog.Components)
        {
            Assert.Subset(c.Requirements.Select(r => r.Action).ToHashSet(StringComparer.OrdinalIgnoreCase), c.Essential.ToHashSet(StringComparer.OrdinalIgnoreCase));
            Assert.All(c.Sources, s => Assert.Matches("^https://github.com/.+/blob/[0-9a-f]{40}/", s.Url));
            Assert.All(c.Requirements, r => Assert.Contains(c.Sources, s => s.File == r.From));
        }
        Assert.Equal(["ec2:DescribeInstances", "ecr:BatchGetImage", "ecr:GetAuthorizationToken", "ecr:GetDownloadUrlForLayer"],
            Catalog.For("kubelet")!.Essential.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Cluster_autoscaler_essential_actions_are_those_of_the_upstream_minimal_policy()
    {
        Assert.True(AllowedActions("cluster-autoscaler_aws-minimal-policy.template.json").SetEquals(Catalog.For("cluster-autoscaler")!.Essential));
    }

    [Fact]
    public void Conditions_of_the_source_statement_become_request_keys()
    {
        var create = Catalog.For("ebs-csi-controller")!.Requirements.First(r => r.Action == "ec2:CreateVolume" && !r.Context.IsEmpty);

        Assert.Equal("arn:aws:ec2:*:*:volume/*", create.Resource);
        Assert.Equal(["true"], create.Context["aws:RequestTag/ebs.csi.aws.com/cluster"]!.Value.ToArray());
    }

    [Fact]
    public void Permission_rule_ids_are_unique_and_registered()
    {
        var ids = RuleRegistry.All.Select(r => r.Descriptor.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Subset(ids.ToHashSet(), new HashSet<string> { "KIAC201", "KIAC202", "KIAC203", "KIAC204", "KIAC205" });
    }
}
