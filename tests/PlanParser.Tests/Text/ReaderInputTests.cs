using System.Text;
using Kalc.Iac.PlanParser.Terraform.Text;

namespace Kalc.Iac.PlanParser.Tests.Text;

/// <summary>Colour, line endings, encodings and CI wrapper noise do not change what is read.</summary>
public class ReaderInputTests
{
    private const string Oocx = "terraform-plans/text/oocx-tfplan2md/azuredevops-plan2-tf1.14.2";

    [Theory]
    [InlineData("terraform-plans/text/oocx-tfplan2md/azuredevops-plan1-tf1.14.2")]
    [InlineData(Oocx)]
    public void Colour_and_no_colour_output_of_the_same_plan_read_the_same(string stem)
    {
        var ansi = File.ReadAllText(Fixtures.Path(stem + "-ansi.txt"));
        Assert.Contains('\u001b', ansi);

        Assert.Equal(Summary(File.ReadAllText(Fixtures.Path(stem + "-nocolor.txt"))), Summary(ansi));
    }

    [Fact]
    public void Crlf_line_endings_read_the_same()
    {
        var text = File.ReadAllText(Fixtures.Path(Oocx + "-nocolor.txt"));

        Assert.Equal(Summary(text), Summary(text.ReplaceLineEndings("\r\n")));
    }

    [Fact]
    public void Real_crlf_file_reads_like_its_lf_twin()
    {
        const string dir = "terraform-plans/text/lifeomic-terraform-plan-parser/";
        Assert.Equal(ChangeSummary.Lines(RealPlanFixtureTests.Read(dir + "tf0.11-ansi.txt")),
            ChangeSummary.Lines(RealPlanFixtureTests.Read(dir + "tf0.11-ansi-crlf.txt")));
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-8")]
    public void Bytes_with_a_byte_order_mark_decode_to_the_same_plan(string encodingName)
    {
        var text = File.ReadAllText(Fixtures.Path(Oocx + "-nocolor.txt"));
        var encoding = Encoding.GetEncoding(encodingName);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text.ReplaceLineEndings("\r\n"))).ToArray();

        var result = TerraformTextPlanReader.Read(bytes, "plan.txt");

        Assert.True(result.IsOk, result.Error?.ToString());
        Assert.Equal(Summary(text), ChangeSummary.Lines(result.Value));
    }

    [Fact]
    public void GitHub_Actions_timestamps_are_ignored()
    {
        var text = File.ReadAllText(Fixtures.Path(Oocx + "-nocolor.txt"));
        var stamped = string.Join('\n', text.Split('\n').Select((l, i) => $"2024-05-01T10:{i / 60 % 60:00}:{i % 60:00}.1234567Z {l}"));

        Assert.Equal(Summary(text), Summary(stamped));
    }

    [Fact]
    public void Atlantis_diff_fence_with_markers_moved_to_column_zero_is_read()
    {
        var text = File.ReadAllText(Fixtures.Path(Oocx + "-nocolor.txt"));
        var comment = "Ran Plan for dir: `.` workspace: `default`\n\n<details><summary>Show Output</summary>\n\n```diff\n" +
            string.Join('\n', text.Split('\n').Select(l => l.StartsWith("  + ", StringComparison.Ordinal) || l.StartsWith("  - ", StringComparison.Ordinal) || l.StartsWith("  ~ ", StringComparison.Ordinal) ? l[2..] : l)) +
            "\n```\n</details>\nPlan: 3 to add, 1 to change, 2 to destroy.\n";

        Assert.Equal(Summary(text), Summary(comment));
    }

    [Fact]
    public void Interleaved_terragrunt_units_are_put_back_together_under_their_names()
    {
        var vpc = Plan("aws_vpc.main", "created", "+");
        var eks = Plan("aws_eks_cluster.main", "created", "+");
        var lines = new List<string>();
        var a = vpc.Split('\n');
        var b = eks.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            if (i < a.Length) lines.Add("[live/prod/vpc] " + a[i]);
            if (i < b.Length) lines.Add("14:02:11.123 STDOUT [live/prod/eks] terraform: " + b[i]);
        }

        var change = TerraformTextPlanReader.Read(string.Join('\n', lines), "run-all.log").Unwrap();

        Assert.Equal(["[live/prod/vpc] aws_vpc.main", "[live/prod/eks] aws_eks_cluster.main"], change.ResourceChanges.Select(c => c.Address));
    }

    [Fact]
    public void Refresh_lines_warnings_and_boxes_around_the_plan_are_passed_over()
    {
        var plan = """
            aws_iam_role.node: Refreshing state... [id=node]
            data.aws_caller_identity.current: Reading...
            data.aws_caller_identity.current: Read complete after 0s [id=123456789012]
            ╷
            │ Warning: Argument is deprecated
            │
            │   # aws_iam_role.fake will be destroyed
            ╵
            """ + "\n" + Plan("aws_iam_role.node", "destroyed", "-");

        var change = TerraformTextPlanReader.Read(plan, "p").Unwrap();

        Assert.Equal(["aws_iam_role.node"], change.ResourceChanges.Select(c => c.Address));
    }

    internal static List<string> Summary(string text) => ChangeSummary.Lines(TerraformTextPlanReader.Read(text, "plan.txt").Unwrap());

    /// <summary>A one-resource Terraform 1.x plan.</summary>
    internal static string Plan(string address, string verb, string marker)
    {
        var (add, change, destroy) = verb switch { "created" => (1, 0, 0), "destroyed" => (0, 0, 1), _ => (0, 1, 0) };
        var dot = address.IndexOf('.', StringComparison.Ordinal);
        return $$"""
            Terraform will perform the following actions:

              # {{address}} will be {{verb}}
              {{marker}} resource "{{address[..dot]}}" "{{address[(dot + 1)..]}}" {
                  {{marker}} name = "x"
                }

            Plan: {{add}} to add, {{change}} to change, {{destroy}} to destroy.
            """;
    }
}
