using CsCheck;
using Kalc.Iac.PlanParser.Terraform.Text;

namespace Kalc.Iac.PlanParser.Tests.Text;

/// <summary>Real plans with lines cut out, repeated or cut short: the reader answers with a Change or an
/// error value every time, and an answered Change never holds more resources than the text has headers.</summary>
public class DamagedInputPropertyTests
{
    private static readonly string[] Plans =
    [
        .. Fixtures.Files("terraform-plans/text", "*.txt").Where(f => new FileInfo(f).Length < 60_000).Select(File.ReadAllText),
        .. Fixtures.Files("terraform-plans/paired", "*.txt").Take(20).Select(File.ReadAllText),
    ];

    [Fact]
    public void Damaged_plans_give_a_change_or_an_error_never_an_exception()
    {
        var damage = Gen.Select(Gen.Int[0, Plans.Length - 1], Gen.Int[0, 2], Gen.Double[0, 1], Gen.Double[0, 1]);
        damage.Sample((plan, kind, from, length) =>
        {
            var lines = Plans[plan].Split('\n').ToList();
            var start = (int)(from * lines.Count);
            var count = Math.Min(lines.Count - start, 1 + (int)(length * 8));
            var damaged = kind switch
            {
                0 => lines.Take(start).Concat(lines.Skip(start + count)),
                1 => lines.Take(start + count).Concat(lines.Skip(start)),
                _ => lines.Take(start).Append(lines[Math.Min(start, lines.Count - 1)][..(lines[Math.Min(start, lines.Count - 1)].Length / 2)]),
            };
            var text = string.Join('\n', damaged);

            var result = TerraformTextPlanReader.Read(text, "damaged.txt");

            if (result.IsOk)
                Assert.True(result.Value.ResourceChanges.Length + result.Value.Drift.Length <= Kalc.Iac.Core.InputText.StripAnsi(text).Split('\n').Count(l => l.TrimStart().StartsWith("# ", StringComparison.Ordinal) || l.Contains(" => ", StringComparison.Ordinal) || IsLegacyHeader(l)));
            else
                Assert.StartsWith("damaged.txt", result.Error.ToString(), StringComparison.Ordinal);
        }, iter: 1000);
    }

    private static readonly string[] Fragments =
    [
        "  # aws_iam_role.a will be created", "  # aws_iam_role.b must be replaced", "  # data.x.y will be read during apply",
        "  # aws_iam_role.a has moved to aws_iam_role.c", "  # (because key [\"x\"] is not in for_each map)", "  # (moved from a.b)",
        "  + resource \"aws_iam_role\" \"a\" {", "-/+ resource \"aws_iam_role\" \"b\" {", " <= data \"x\" \"y\" {", "    resource \"a\" \"c\" {",
        "    }", "}", "]", "[", ")", "},", "],", "      + x = [", "      ~ y = {", "      + p = jsonencode(", "      ~ h = <<-EOT", "        EOT",
        "      ~ z = \"a\" -> \"b\" # forces replacement", "      - n = 1 -> null", "        # (2 unchanged attributes hidden)", "      + blk {",
        "          + \"k\" = (sensitive value)", "          - \"v\",", "        ] -> (known after apply)", "+ aws_iam_role.legacy", "      id: <computed>",
        "Plan: 1 to add, 0 to change, 0 to destroy.", "Plan: 1 to add, 0 to change, 1 to destroy.", "No changes.", "### 1. dir: `a` workspace: `default`",
        "[unit/a] ", "Terraform will perform the following actions:", "Note: Objects have changed outside of Terraform", "", "\u001b[1m", "│ Error: x",
    ];

    [Fact]
    public void Any_sequence_of_plan_fragments_gives_a_change_or_an_error()
    {
        Gen.Int[0, Fragments.Length - 1].Array[0, 40].Sample(picks =>
        {
            var text = string.Join('\n', picks.Select(i => Fragments[i]));

            var result = TerraformTextPlanReader.Read(text, "soup.txt");

            Assert.True(result.IsOk || result.Error.ToString().StartsWith("soup.txt", StringComparison.Ordinal));
        }, iter: 5000, print: picks => string.Join('\n', picks.Select(i => Fragments[i])));
    }

    private static bool IsLegacyHeader(string line) => line.TrimStart().Length > 2 && line.TrimStart()[0] is '+' or '-' or '~' or '<';
}
