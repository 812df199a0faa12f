using System.Text;
using Kalc.Iac.PlanParser.Terraform.Json;
using Kalc.Iac.PlanParser.Terraform.Source;

namespace Kalc.Iac.PlanParser.Tests.Source;

/// <summary>JSON plans: the module calls of <c>configuration.root_module.module_calls</c> (nested through
/// <c>module.module_calls</c>) are read, and a finding on a resource one or two modules deep points at the user's
/// <c>module</c> block, naming the chain of modules from the plan when their code is not on disk.</summary>
public sealed class PlanModuleCallsTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("kalc-calls-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private void Write(string relative, string text)
    {
        var full = Path.Combine(dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    /// <summary>A plan whose configuration has a large resources array before its module calls (so the reader refills its window).</summary>
    private static string Plan(string padding = "") => """
        {"format_version": "1.2", "terraform_version": "1.9.8", "resource_changes": [],
         "configuration": {"provider_config": {"aws": {"name": "aws"}}, "root_module": {
           "resources": [PADDING],
           "module_calls": {
             "eks": {"source": "terraform-aws-modules/eks/aws", "version_constraint": "~> 20.0", "expressions": {"source": {"constant_value": "x"}},
                     "module": {"resources": [{"address": "aws_eks_cluster.this", "expressions": {"name": {"references": ["var.cluster_name"]}}}],
                                "module_calls": {"eks_managed_node_group": {"source": "./modules/eks-managed-node-group", "module": {}}}}},
             "platform": {"source": "./modules/platform", "module": {"module_calls": {
                     "irsa": {"source": "git::https://example.com/iam.git//modules/irsa?ref=v5.30.0", "module": {}}}}}
           }}}}
        """.Replace("PADDING", padding, StringComparison.Ordinal);

    [Fact]
    public void The_module_calls_are_read_at_every_depth_with_source_and_version_constraint()
    {
        var padding = string.Join(",", Enumerable.Range(0, 40_000).Select(i => $"{{\"address\": \"aws_x.r{i}\", \"source\": \"not a module\"}}"));

        var change = TerraformJsonPlanReader.Read(Encoding.UTF8.GetBytes(Plan(padding)), "plan.json").Unwrap();

        Assert.Equal(["eks", "eks.eks_managed_node_group", "platform", "platform.irsa"], change.ModuleCalls.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("terraform-aws-modules/eks/aws", "~> 20.0"), (change.ModuleCalls["eks"].Source, change.ModuleCalls["eks"].VersionConstraint));
        Assert.Equal("./modules/eks-managed-node-group", change.ModuleCalls["eks.eks_managed_node_group"].Source);
        Assert.Null(change.ModuleCalls["platform.irsa"].VersionConstraint);
    }

    [Fact]
    public void One_level_a_registry_module_not_on_disk_points_at_the_users_module_block_with_the_plans_version_constraint()
    {
        Write("main.tf", "# cluster\nmodule \"eks\" {\n  source  = \"terraform-aws-modules/eks/aws\"\n  version = \"~> 20.0\"\n}\n");
        var change = TerraformJsonPlanReader.Read(Encoding.UTF8.GetBytes(Plan()), "plan.json").Unwrap();

        var site = TerraformConfiguration.Load(dir, dir).Unwrap().Locate("module.eks.aws_eks_cluster.this", change.ModuleCalls);

        Assert.Equal(("main.tf", 2, "module \"eks\" {"), (site?.File, site?.Line, site?.LineText));
        Assert.Equal("inside module \"eks\" (terraform-aws-modules/eks/aws ~> 20.0), whose code is not on disk (run terraform init)", site?.Note);
    }

    [Fact]
    public void Two_levels_registry_then_local_inside_it_point_at_the_users_module_block_and_name_both_modules()
    {
        Write("main.tf", "module \"eks\" {\n  source = \"terraform-aws-modules/eks/aws\"\n}\n");
        var change = TerraformJsonPlanReader.Read(Encoding.UTF8.GetBytes(Plan()), "plan.json").Unwrap();

        var site = TerraformConfiguration.Load(dir, dir).Unwrap()
            .Locate("module.eks.module.eks_managed_node_group[\"general\"].aws_iam_role_policy_attachment.this[\"cni\"]", change.ModuleCalls);

        Assert.Equal(("main.tf", 1), (site?.File, site?.Line));
        Assert.Equal("inside module \"eks\" (terraform-aws-modules/eks/aws ~> 20.0), then module \"eks_managed_node_group\" " +
                     "(./modules/eks-managed-node-group) (module calls from the plan's configuration), whose code is not on disk (run terraform init)", site?.Note);
    }

    [Fact]
    public void Two_levels_local_then_git_point_at_the_git_module_block_in_the_users_local_module()
    {
        Write("main.tf", "module \"platform\" {\n  source = \"./modules/platform\"\n}\n");
        Write("modules/platform/main.tf", "\n\nmodule \"irsa\" {\n  source = \"git::https://example.com/iam.git//modules/irsa?ref=v5.30.0\"\n}\n");
        var change = TerraformJsonPlanReader.Read(Encoding.UTF8.GetBytes(Plan()), "plan.json").Unwrap();

        var site = TerraformConfiguration.Load(dir, dir).Unwrap().Locate("module.platform.module.irsa.aws_iam_role.this[0]", change.ModuleCalls);

        Assert.Equal(("modules/platform/main.tf", 3), (site?.File, site?.Line));
        Assert.StartsWith("inside module \"irsa\" (git::https://example.com/iam.git//modules/irsa?ref=v5.30.0)", site?.Note, StringComparison.Ordinal);
    }
}
