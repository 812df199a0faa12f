using System.Text;
using Kalc.Iac.PlanParser.Terraform.Text;

namespace Kalc.Iac.PlanParser.Tests.Text;

/// <summary>Bad input ends in one clear error value, never an exception or a silently shortened plan.</summary>
public class ReaderErrorTests
{
    private const string Modify = "terraform-plans/text/borchero-terraform-plan-comment/1-modify-tf1.13.5.txt";

    [Theory]
    [InlineData("")]
    [InlineData("hello world\nthis is not a plan\n")]
    [InlineData("{\"format_version\":\"1.2\"}")]
    [InlineData("Apply complete! Resources: 0 added, 0 changed, 0 destroyed.")]
    public void Text_without_a_plan_is_rejected(string text)
    {
        var result = TerraformTextPlanReader.Read(text, "x.txt");

        Assert.False(result.IsOk);
        Assert.StartsWith("x.txt: no Terraform plan found", result.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_summary_that_disagrees_with_the_resources_names_the_difference()
    {
        var text = File.ReadAllText(Fixtures.Path(Modify)).Replace("Plan: 2 to add, 0 to change, 2 to destroy.", "Plan: 2 to add, 0 to change, 3 to destroy.", StringComparison.Ordinal);

        var result = TerraformTextPlanReader.Read(text, "m.txt");

        Assert.False(result.IsOk);
        Assert.Equal("plan summary says 3 to destroy but 2 destroys were parsed", result.Error.Reason);
        Assert.Equal(text.Split('\n').ToList().FindIndex(l => l.StartsWith("Plan:", StringComparison.Ordinal)) + 1, result.Error.Line);
    }

    [Fact]
    public void No_changes_with_resource_changes_is_a_disagreement()
    {
        var text = ReaderInputTests.Plan("aws_iam_role.r", "created", "+").Replace("Plan: 1 to add, 0 to change, 0 to destroy.", "No changes. Your infrastructure matches the configuration.", StringComparison.Ordinal);

        Assert.Equal("\"No changes.\" says 0 to add but 1 creates were parsed", TerraformTextPlanReader.Read(text, "p").Error?.Reason);
    }

    [Fact]
    public void Import_count_is_checked()
    {
        var text = File.ReadAllText(Fixtures.Path("terraform-plans/text/suzuki-shunsuke-tfcmt/imported-and-moved-only.txt"))
            .Replace("2 to import", "3 to import", StringComparison.Ordinal);

        Assert.Equal("plan summary says 3 to import but 2 imports were parsed", TerraformTextPlanReader.Read(text, "p").Error?.Reason);
    }

    [Theory]
    [InlineData("# local_file.test3 must be replaced", 40, "truncated plan: \"# local_file.test3\" at line 21 is not followed by its resource block")]
    [InlineData("content_md5", 0, "truncated plan: the resource block opened at line 9 is not closed")]
    [InlineData("Plan:", 0, "truncated plan: no \"Plan: ...\" summary after the resource at line 21")]
    public void A_plan_cut_short_says_where(string cutAt, int keep, string expected)
    {
        var text = File.ReadAllText(Fixtures.Path(Modify));
        var cut = text[..(text.IndexOf(cutAt, StringComparison.Ordinal) + keep)];

        var result = TerraformTextPlanReader.Read(cut, "cut.txt");

        Assert.False(result.IsOk);
        Assert.Equal(expected, result.Error.Reason);
    }

    [Fact]
    public void A_body_running_into_the_next_header_is_not_swallowed()
    {
        var text = ReaderInputTests.Plan("aws_iam_role.a", "created", "+").Replace("    }\n", "", StringComparison.Ordinal);

        var result = TerraformTextPlanReader.Read(text, "p");

        Assert.False(result.IsOk);
        Assert.Contains("is not closed", result.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_plan_reports_the_terraform_error()
    {
        const string text = """
            Terraform planned the following actions, but then encountered a problem:

              # aws_iam_role.a will be created
              + resource "aws_iam_role" "a" {
                  + name = "a"
                }

            ╷
            │ Error: creating IAM Role (a): AccessDenied
            ╵
            """;

        Assert.Equal("the plan failed and has no summary: creating IAM Role (a): AccessDenied", TerraformTextPlanReader.Read(text, "p").Error?.Reason);
    }

    [Fact]
    public void Binary_and_invalid_utf8_bytes_are_rejected()
    {
        Assert.Equal("binary content, not text", TerraformTextPlanReader.Read([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00], "plan.tfplan").Error?.Reason);
        Assert.Equal("not valid UTF-8 text", TerraformTextPlanReader.Read([0x50, 0x6C, 0xC3, 0x28], "p").Error?.Reason);
    }

    [Fact]
    public void Hundred_thousand_nested_lists_end_in_an_error_not_a_stack_overflow()
    {
        var sb = new StringBuilder("Terraform will perform the following actions:\n  # aws_iam_role.a will be created\n  + resource \"aws_iam_role\" \"a\" {\n      + x = [\n");
        for (var i = 0; i < 100_000; i++) sb.Append("          + [\n");

        var result = TerraformTextPlanReader.Read(sb.ToString(), "deep.txt");

        Assert.False(result.IsOk);
        Assert.Contains("nested deeper than", result.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_large_plan_is_read_in_one_pass()
    {
        var one = File.ReadAllText(Fixtures.Path("terraform-plans/text/borchero-terraform-plan-comment/7-create-hundreds-tf1.13.5.txt"));
        var body = one[one.IndexOf("  # ", StringComparison.Ordinal)..one.IndexOf("Plan:", StringComparison.Ordinal)];
        var sb = new StringBuilder("Terraform will perform the following actions:\n");
        for (var i = 0; i < 20; i++) sb.Append(body.Replace("local_file.test[", $"module.m{i}.local_file.test[", StringComparison.Ordinal));
        sb.Append("Plan: 6000 to add, 0 to change, 0 to destroy.\n");

        var result = TerraformTextPlanReader.Read(sb.ToString(), "big.txt");

        Assert.True(result.IsOk, result.Error?.ToString());
        Assert.Equal(6000, result.Value.ResourceChanges.Length);
    }
}
