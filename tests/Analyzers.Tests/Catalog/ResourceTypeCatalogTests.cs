using System.Text.Json;
using Kalc.Iac.Analyzers.Catalog;
using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.PlanParser.Pulumi;
using Kalc.Iac.Tests;
using Kalc.Iac.Tools.TypeCatalogue;

namespace Kalc.Iac.Analyzers.Tests.Catalog;

/// <summary>The resource type catalogue: complete for its provider lists, in step with the mappers, and exactly what the
/// generator makes from the raw lists.</summary>
public sealed class ResourceTypeCatalogTests
{
    private static readonly ResourceTypeCatalog Catalog = ResourceTypeCatalog.Default;
    private static readonly string ToolDir = Path.Combine(RepoPaths.Root, "tools", "TypeCatalogue");
    private static readonly string[] TerraformProviders = ["aws", "kubernetes", "helm", "kubectl"];

    [Fact]
    public void Modelled_terraform_types_are_exactly_the_types_ResourceMappers_read()
    {
        var modelled = Catalog.Types.Where(t => t.Class == ResourceTypeClass.Modelled && TerraformProviders.Contains(t.Provider))
            .Select(t => t.Type).Order(StringComparer.Ordinal);
        Assert.Equal(ResourceMappers.SupportedTypes.Order(StringComparer.Ordinal), modelled);
    }

    [Fact]
    public void A_modelled_pulumi_token_is_one_the_preview_reader_renames_to_a_mapped_type()
    {
        var modelled = Catalog.Types.Where(t => t.Class == ResourceTypeClass.Modelled && t.Provider == "pulumi-aws").ToList();
        Assert.NotEmpty(modelled);
        foreach (var t in modelled)
            Assert.Contains(PulumiTypeMap.Default.Find(t.Type)!.TerraformType, ResourceMappers.SupportedTypes);
    }

    [Fact]
    public void The_embedded_json_and_the_doc_are_what_the_generator_makes_from_the_raw_lists()
    {
        var generator = CatalogueGenerator.FromDirectory(ToolDir, ResourceMappers.SupportedTypes.ToHashSet(StringComparer.Ordinal));
        var jsonPath = Path.Combine(RepoPaths.Root, "src", "Analyzers", "Catalog", "resource-types.json");
        const string hint = "stale: run dotnet run --project tools/TypeCatalogue";
        Assert.True(Normalise(File.ReadAllText(jsonPath)) == Normalise(generator.Json()), "resource-types.json " + hint);
        using var embedded = typeof(ResourceTypeCatalog).Assembly.GetManifestResourceStream("Kalc.Iac.Analyzers.Catalog.resource-types.json")!;
        Assert.True(Normalise(new StreamReader(embedded).ReadToEnd()) == Normalise(generator.Json()), "the embedded resource-types.json " + hint);
        var docPath = Path.Combine(RepoPaths.Root, "docs", "resource-types.md");
        var doc = File.ReadAllText(docPath);
        Assert.True(Normalise(doc) == Normalise(DocFile.Splice(doc, generator.Doc())), "docs/resource-types.md " + hint);
    }

    [Fact]
    public void Every_type_of_every_raw_list_is_in_the_catalogue_once_with_the_counts_the_lists_have()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(ToolDir, "lists"), "*.txt"))
        {
            var lines = File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#').ToList();
            var provider = File.ReadAllLines(file).First(l => l.StartsWith("# provider:", StringComparison.Ordinal))["# provider:".Length..].Trim();
            var inCatalogue = Catalog.Types.Where(t => t.Provider == provider).Select(t => t.Type).ToHashSet(StringComparer.Ordinal);
            Assert.True(lines.ToHashSet(StringComparer.Ordinal).SetEquals(inCatalogue), $"{Path.GetFileName(file)} and the catalogue's {provider} types differ");
            Assert.Equal(lines.Count, Catalog.Sources.Single(s => s.Provider == provider).Count);
        }
        Assert.Equal(6, Catalog.Sources.Length);
    }

    [Fact]
    public void The_lists_are_whole_provider_lists_not_samples()
    {
        // hashicorp/aws 6.25.0 has 1,581 managed resource types; @pulumi/aws 7.48.0 1,738 resource tokens.
        Assert.Equal(1581, Catalog.Sources.Single(s => s.Provider == "aws").Count);
        Assert.Equal(1738, Catalog.Sources.Single(s => s.Provider == "pulumi-aws").Count);
        Assert.True(Catalog.Sources.Single(s => s.Provider == "pulumi-kubernetes").Count > 500);
        Assert.All(Catalog.Sources, s => Assert.True(s.Commit is not null || s.Version is not null, $"{s.List} names no commit or version"));
    }

    [Fact]
    public void No_type_is_listed_twice_so_none_is_in_two_classes()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Analyzers", "Catalog", "resource-types.json")));
        var types = doc.RootElement.GetProperty("types").EnumerateArray().Select(t => t.GetProperty("type").GetString()!).ToList();
        var twice = types.GroupBy(t => t, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(twice);
        Assert.Equal(types.Count, Catalog.Types.Count());
    }

    [Fact]
    public void Every_kubernetes_kubectl_and_helm_type_may_affect_the_cluster()
    {
        var clusterTypes = Catalog.Types.Where(t => t.Provider is "kubernetes" or "kubectl" or "helm" or "pulumi-kubernetes").ToList();
        Assert.True(clusterTypes.Count > 600);
        // kubectl_server_version only reads the API server's version.
        Assert.All(clusterTypes.Where(t => t.Type != "kubectl_server_version"), t => Assert.NotEqual(ResourceTypeClass.CannotAffect, t.Class));
    }

    [Theory]
    [InlineData("aws_cloudwatch_dashboard", ResourceTypeClass.CannotAffect)]
    [InlineData("aws_budgets_budget", ResourceTypeClass.CannotAffect)]
    [InlineData("aws_ce_cost_category", ResourceTypeClass.CannotAffect)]
    [InlineData("aws_quicksight_dashboard", ResourceTypeClass.CannotAffect)]
    [InlineData("aws_lambda_function", ResourceTypeClass.CannotAffect)]
    [InlineData("aws_budgets_budget_action", ResourceTypeClass.MayAffect)]
    [InlineData("aws_security_group_rule", ResourceTypeClass.Modelled)]
    [InlineData("aws_vpc_security_group_ingress_rule", ResourceTypeClass.Modelled)]
    [InlineData("aws_route", ResourceTypeClass.Modelled)]
    [InlineData("aws_eks_access_entry", ResourceTypeClass.Modelled)]
    [InlineData("aws_kms_grant", ResourceTypeClass.MayAffect)]
    [InlineData("aws_organizations_policy_attachment", ResourceTypeClass.MayAffect)]
    [InlineData("aws_s3_object", ResourceTypeClass.MayAffect)]
    [InlineData("aws_iam_role", ResourceTypeClass.Modelled)]
    [InlineData("kubernetes_config_map_v1_data", ResourceTypeClass.Modelled)]
    [InlineData("helm_release", ResourceTypeClass.Modelled)]
    [InlineData("kubectl_manifest", ResourceTypeClass.MayAffect)]
    [InlineData("aws:cloudwatch/dashboard:Dashboard", ResourceTypeClass.CannotAffect)]
    [InlineData("aws:ec2/securityGroupRule:SecurityGroupRule", ResourceTypeClass.Modelled)]
    [InlineData("aws:iam/role:Role", ResourceTypeClass.Modelled)]
    [InlineData("kubernetes:core/v1:ConfigMap", ResourceTypeClass.MayAffect)]
    [InlineData("kubernetes:helm.sh/v3:Release", ResourceTypeClass.MayAffect)]
    public void Classifies_known_types(string type, ResourceTypeClass expected)
    {
        var info = Catalog.Classify(type);
        Assert.True(info.InCatalogue);
        Assert.Equal(expected, info.Class);
        Assert.False(string.IsNullOrWhiteSpace(info.Reason));
    }

    [Fact]
    public void Ties_name_the_attributes_that_identify_what_the_cluster_uses_in_the_providers_own_spelling()
    {
        Assert.Equal(["security_group_id", "source_security_group_id"], Catalog.Classify("aws_security_group_rule").Ties.ToArray());
        Assert.Equal(["securityGroupId", "sourceSecurityGroupId"], Catalog.Classify("aws:ec2/securityGroupRule:SecurityGroupRule").Ties.ToArray());
        Assert.Contains("bucket", Catalog.Classify("aws_s3_object").Ties);
        Assert.Empty(Catalog.Classify("aws_cloudwatch_dashboard").Ties);
    }

    [Fact]
    public void A_type_not_in_the_catalogue_may_affect_the_cluster_with_the_documented_reason()
    {
        var info = Catalog.Classify("aws_service_from_the_future");
        Assert.False(info.InCatalogue);
        Assert.Equal(ResourceTypeClass.MayAffect, info.Class);
        Assert.Equal(ResourceTypeCatalog.NotInCatalogueReason, info.Reason);
        Assert.Empty(info.Ties);
        Assert.False(Catalog.Classify("AWS_VPC").InCatalogue);
    }

    [Fact]
    public void Pulumi_tokens_the_preview_reader_renames_have_the_same_terraform_type_in_the_catalogue()
    {
        foreach (var token in Catalog.Types.Where(t => t.Provider == "pulumi-aws"))
        {
            var mapped = PulumiTypeMap.Default.Find(token.Type);
            if (mapped is null) continue;
            Assert.Equal(mapped.TerraformType, token.TerraformType);
            Assert.Equal(Catalog.Classify(mapped.TerraformType).Class, token.Class);
        }
    }

    [Fact]
    public void A_pulumi_token_with_a_known_terraform_type_has_that_types_class()
    {
        var withType = Catalog.Types.Where(t => t.Provider == "pulumi-aws" && t.TerraformType is not null).ToList();
        Assert.True(withType.Count > 1400, $"only {withType.Count} Pulumi tokens matched a Terraform type");
        foreach (var t in withType)
        {
            var tf = Catalog.Classify(t.TerraformType!);
            Assert.True(tf.InCatalogue, t.TerraformType);
            if (t.Class != ResourceTypeClass.Modelled && tf.Class != ResourceTypeClass.Modelled) Assert.Equal(tf.Class, t.Class);
        }
        // no name rule leads from cfg/rule:Rule to aws_config_config_rule: classified through aws_config_rule, the same row
        Assert.Equal(Catalog.Classify("aws_config_config_rule").Class, Catalog.Classify("aws:cfg/rule:Rule").Class);
        Assert.Equal("aws_db_instance", Catalog.Classify("aws:rds/instance:Instance").TerraformType);
        Assert.Equal("aws_vpc", Catalog.Classify("aws:ec2/vpc:Vpc").TerraformType);
    }

    [Fact]
    public void Generator_refuses_a_type_no_row_classifies()
    {
        var generator = CatalogueGenerator.FromDirectory(ToolDir, ResourceMappers.SupportedTypes.ToHashSet(StringComparer.Ordinal));
        var broken = new CatalogueGenerator
        {
            Lists = [.. generator.Lists.Select(l => l.Provider == "aws" ? l with { Types = [.. l.Types, "aws_zzz_unreviewed"] } : l)],
            Table = generator.Table,
            PulumiModules = generator.PulumiModules,
            Modelled = generator.Modelled,
        };
        var e = Assert.Throws<InvalidDataException>(() => broken.Json());
        Assert.Contains("aws_zzz_unreviewed", e.Message);
    }

    private static string Normalise(string s) => s.Replace("\r\n", "\n", StringComparison.Ordinal);
}
