using Kalc.Iac.PlanParser.Terraform.Source;
using Kalc.Iac.Tests;

namespace Kalc.Iac.PlanParser.Tests.Source;

public sealed class TerraformConfigurationTests
{
    private static TerraformConfiguration Load(string relative) =>
        TerraformConfiguration.Load(Path.Combine(RepoPaths.Root, relative)).Unwrap();

    [Fact]
    public void A_resource_in_a_local_module_points_at_its_block_in_the_modules_file()
    {
        var site = Load("fixtures/terraform-source/kubespray-contrib-aws").Locate("module.aws-iam.aws_iam_instance_profile.kube-worker");

        Assert.NotNull(site);
        Assert.Equal(("fixtures/terraform-source/kubespray-contrib-aws/modules/iam/main.tf", 138, 1), (site.File, site.Line, site.Column));
        Assert.Equal("resource \"aws_iam_instance_profile\" \"kube-worker\" {", site.LineText);
    }

    [Fact]
    public void Count_and_for_each_instances_point_at_their_block()
    {
        var config = Load("fixtures/terraform-source/kubespray-contrib-aws");
        Assert.EndsWith("create-infrastructure.tf", config.Locate("aws_instance.k8s-master[2]")!.File, StringComparison.Ordinal);
        Assert.Equal(config.Locate("aws_instance.k8s-master[0]"), config.Locate("aws_instance.k8s-master[\"a.b]\"]"));
    }

    [Fact]
    public void A_resource_inside_a_registry_module_points_at_the_module_block_in_the_users_code()
    {
        var site = Load("examples/irsa-trust-mistake/terraform").Locate("module.external_dns_irsa.aws_iam_role.this[0]");

        Assert.NotNull(site);
        Assert.Equal(("examples/irsa-trust-mistake/terraform/main.tf", 3), (site.File, site.Line));
        Assert.Equal("module \"external_dns_irsa\" {", site.LineText);
        Assert.Contains("5.30.0", site.Note, StringComparison.Ordinal);
        Assert.Contains(".terraform/modules/external_dns_irsa/modules/iam-role-for-service-accounts/main.tf:80:1", site.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Through_a_local_module_the_registry_module_block_in_that_local_module_is_the_place()
    {
        var site = Load("examples/irsa-trust-in-platform-module/terraform").Locate("module.platform.module.external_dns_irsa.aws_iam_role.this[0]");

        Assert.Equal(("examples/irsa-trust-in-platform-module/terraform/modules/platform/main.tf", 10), (site?.File, site?.Line));
    }

    [Fact]
    public void A_module_that_is_not_installed_points_at_its_call_and_says_so()
    {
        using var dir = new TempDir();
        dir.Write("main.tf", "module \"vpc\" {\n  source = \"git::https://example.com/vpc.git\"\n}\n");

        var site = TerraformConfiguration.Load(dir.Path).Unwrap().Locate("module.vpc.aws_vpc.this");

        Assert.Equal(1, site?.Line);
        Assert.Contains("not on disk", site?.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_module_whose_source_is_its_own_directory_is_read_once_and_does_not_loop()
    {
        using var dir = new TempDir();
        dir.Write("main.tf", "module \"self\" {\n  source = \"./\"\n}\n\nresource \"aws_iam_role\" \"r\" {\n  name = \"x\"\n}\n");
        dir.Write("sub/main.tf", "module \"up\" {\n  source = \"../\"\n}\n");

        var config = TerraformConfiguration.Load(dir.Path).Unwrap();

        Assert.Single(config.Modules);
        Assert.Equal(5, config.Locate("module.self.module.self.aws_iam_role.r")?.Line);
    }

    [Fact]
    public void Moved_and_import_blocks_are_understood()
    {
        using var dir = new TempDir();
        dir.Write("main.tf", """
            resource "aws_iam_role" "node" {
              name = "node"
            }

            moved {
              from = aws_iam_role.worker
              to   = aws_iam_role.node
            }

            import {
              to = aws_iam_role.generated
              id = "legacy"
            }
            """);
        var config = TerraformConfiguration.Load(dir.Path).Unwrap();

        var current = config.Locate("aws_iam_role.node");
        Assert.Equal(1, current?.Line);
        Assert.Contains("moved from aws_iam_role.worker", current?.Note, StringComparison.Ordinal);
        Assert.Equal(1, config.Locate("aws_iam_role.worker")?.Line);
        Assert.Equal(10, config.Locate("aws_iam_role.generated")?.Line);
        Assert.Null(config.Locate("aws_iam_role.other"));
    }

    [Fact]
    public void A_syntax_error_names_the_file_line_and_column_and_a_missing_directory_is_an_error()
    {
        using var dir = new TempDir();
        dir.Write("main.tf", "resource \"a\" \"b\" {\n  name = \n}\n");

        var r = TerraformConfiguration.Load(dir.Path);

        Assert.False(r.IsOk);
        Assert.EndsWith("main.tf", r.Error.File, StringComparison.Ordinal);
        Assert.Equal((2, 10), (r.Error.Line, r.Error.Column));
        Assert.False(TerraformConfiguration.Load("/no/such/dir").IsOk);
    }

    [Fact]
    public void OpenTofu_files_are_read_and_a_tofu_file_replaces_the_tf_file_of_the_same_name()
    {
        using var dir = new TempDir();
        dir.Write("main.tf", "resource \"aws_iam_role\" \"old\" {}\n");
        dir.Write("main.tofu", "\nresource \"aws_iam_role\" \"new\" {}\n");

        var config = TerraformConfiguration.Load(dir.Path).Unwrap();

        Assert.Null(config.Locate("aws_iam_role.old"));
        Assert.Equal(2, config.Locate("aws_iam_role.new")?.Line);
        Assert.True(TerraformConfiguration.HoldsConfiguration(dir.Path));
    }

    private sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("kalc-tf-").FullName;

        public void Write(string relative, string text)
        {
            var full = System.IO.Path.Combine(Path, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
