using Kalc.Iac.PlanParser.Terraform.Source;

namespace Kalc.Iac.PlanParser.Tests.Source;

public class TerraformSourceIndexTests
{
    private static TerraformSourceIndex Index() =>
        TerraformSourceIndex.Read(Path.Combine(Kalc.Iac.Tests.RepoPaths.Root, "fixtures", "terraform-source", "kubespray-contrib-aws")).Unwrap();

    [Fact]
    public void A_resource_in_a_local_module_maps_to_the_modules_file_and_line()
    {
        var d = Index().Find("module.aws-iam.aws_iam_instance_profile.kube-worker");

        Assert.NotNull(d);
        Assert.EndsWith("modules/iam/main.tf", d.File);
        var line = File.ReadAllLines(Path.Combine(Kalc.Iac.Tests.RepoPaths.Root, "fixtures/terraform-source/kubespray-contrib-aws/modules/iam/main.tf"))[d.Line - 1];
        Assert.Equal("resource \"aws_iam_instance_profile\" \"kube-worker\" {", line.Trim());
    }

    [Fact]
    public void Count_and_for_each_indexes_are_ignored_and_root_resources_are_found()
    {
        var d = Index().Find("aws_instance.k8s-master[2]");

        Assert.NotNull(d);
        Assert.EndsWith("create-infrastructure.tf", d.File);
    }

    [Fact]
    public void An_address_that_is_not_declared_is_not_found_and_a_missing_directory_is_an_error()
    {
        Assert.Null(Index().Find("module.other.aws_iam_role.x"));
        Assert.False(TerraformSourceIndex.Read("/no/such/dir").IsOk);
    }
}
