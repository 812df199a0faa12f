using System.Text;
using Kalc.Iac.PlanParser.Detection;

namespace Kalc.Iac.PlanParser.Tests;

public class PlanFormatDetectorTests
{
    private static PlanFormat Detect(string text) => PlanFormatDetector.Detect(Encoding.UTF8.GetBytes(text));

    public static TheoryData<string> Plans() => new(Fixtures.TerraformJsonPlans());

    [Theory]
    [MemberData(nameof(Plans))]
    public void Every_terraform_json_fixture_is_detected_as_a_terraform_json_plan(string file) =>
        Assert.Equal(PlanFormat.TerraformJson, PlanFormatDetector.Detect(Fixtures.Bytes(file)));

    [Theory]
    [InlineData("pulumi/preview-iam-replace.json")]
    [InlineData("pulumi/preview-delete-before-replace.json")]
    public void Pulumi_previews_are_detected(string file) =>
        Assert.Equal(PlanFormat.PulumiPreview, PlanFormatDetector.Detect(Fixtures.Bytes(file)));

    [Fact]
    public void A_utf16_plan_is_detected_through_its_bom() =>
        Assert.Equal(PlanFormat.TerraformJson, PlanFormatDetector.Detect(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("""{"format_version":"1.2","resource_changes":[]}""")).ToArray()));

    [Theory]
    [InlineData("""{"format_version":"1.0","terraform_version":"1.9.5","values":{}}""", PlanFormat.TerraformState)]
    [InlineData("""{"format_version":"1.0"}""", PlanFormat.TerraformState)]
    [InlineData("""{"format_version":"1.2","terraform_version":"1.9.5","planned_values":{}}""", PlanFormat.TerraformJson)]
    [InlineData("""{"changeSummary":{"same":1}}""", PlanFormat.PulumiPreview)]
    [InlineData("""{"kind":"List","items":[]}""", PlanFormat.UnknownJson)]
    [InlineData("""[1,2]""", PlanFormat.UnknownJson)]
    [InlineData("""{"format_version":"1.2","resource_chan""", PlanFormat.TerraformJson)]
    [InlineData("[command]/home/runner/work/_temp/terraform-bin show -json tfplan\n{\"format_version\":\"1.2\",\"resource_changes\":[]}", PlanFormat.TerraformJson)]
    [InlineData("\u001b[0m{\"steps\":[]}", PlanFormat.PulumiPreview)]
    [InlineData("Terraform will perform the following actions:\n\n  # aws_iam_role.node will be destroyed\n", PlanFormat.TerraformText)]
    [InlineData("\u001b[1mTerraform used the selected providers\u001b[0m\n", PlanFormat.TerraformText)]
    [InlineData("[cluster]\nnode1 ansible_host=10.0.0.1\n", PlanFormat.TerraformText)]
    [InlineData("", PlanFormat.Empty)]
    [InlineData(" \r\n\t", PlanFormat.Empty)]
    public void Content_decides_the_format(string text, PlanFormat expected) => Assert.Equal(expected, Detect(text));

    [Fact]
    public void A_zip_archive_is_a_binary_plan() =>
        Assert.Equal(PlanFormat.BinaryPlan, PlanFormatDetector.Detect([(byte)'P', (byte)'K', 3, 4, 20, 0, 8, 0, 0, 0]));

    [Fact]
    public void Random_bytes_are_binary()
    {
        var bytes = new byte[2048];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0x8F;
        Assert.Equal(PlanFormat.Binary, PlanFormatDetector.Detect(bytes));
    }
}
