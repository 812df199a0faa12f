using System.Text.Json;

namespace Kalc.Iac.Cli.Tests;

/// <summary>What the user sees of the bundled example, and several reports from one analysis.</summary>
public sealed class ReportOutputTests
{
    private const string Example = "repo:examples/kubespray-iam-teardown";

    private static readonly string[] ExampleArgs = [$"{Example}/plan.json", "--aws-state", $"{Example}/aws", "--k8s-state", $"{Example}/k8s"];

    [Fact]
    public void The_bundled_example_fits_one_screen_of_100_columns_with_every_fact_needed_to_act()
    {
        // As the README runs it: from the repository root, with relative paths, on a 100-column terminal.
        var example = "examples/kubespray-iam-teardown";
        var run = Integrations.HostProcess.Run(Integrations.HostProcess.KalcIac,
            [$"{example}/plan.json", "--aws-state", $"{example}/aws", "--k8s-state", $"{example}/k8s"],
            new Dictionary<string, string> { ["COLUMNS"] = "100" }, Kalc.Iac.Tests.RepoPaths.Root);
        var lines = run.Stdout.TrimEnd('\n').Split('\n');

        Assert.Equal(ExitCodes.FindingsAtOrAboveFailOn, run.ExitCode);
        Assert.InRange(lines.Length, 20, 60);
        Assert.All(lines, l => Assert.True(l.Length <= 100, l));
        Assert.StartsWith("kalc-iac: breaks — 4 findings (4 critical), 2 incidents in 7 changes", lines[0]);
        // Every change to undo, where it is, each rule, the components, the node and instance counts, when, and the fixes.
        foreach (var address in new[] { "aws_iam_instance_profile.kube-worker", "aws_iam_role.kube-worker", "aws_iam_instance_profile.kube_control_plane", "aws_iam_role.kube_control_plane" })
            Assert.Contains("module.aws-iam." + address + " (delete) at", run.Stdout);
        Assert.Contains("examples/kubespray-iam-teardown/plan.json:8 [KIAC101]", run.Stdout);
        Assert.Contains("nodes       4: ip-10-250-192-40.eu-central-1.compute.internal,", run.Stdout);
        Assert.Contains("instances   4: i-0bb1b2c3d4e5f6002", run.Stdout);
        Assert.Contains("instances   i-0aa1b2c3d4e5f6001, i-0aa1b2c3d4e5f6011, i-0aa1b2c3d4e5f6021", run.Stdout);
        Assert.Contains("kube-controller-manager", run.Stdout);
        Assert.Contains("immediate (KIAC102)", run.Stdout);
        Assert.Contains("on-credential-refresh (KIAC101)", run.Stdout);
        Assert.Equal(2, lines.Count(l => l.Contains("fix         KIAC101: Keep the instance profile", StringComparison.Ordinal)));
    }

    [Fact]
    public void Verbose_prints_the_evidence_chain_of_every_finding()
    {
        var run = CliRun.Of([.. ExampleArgs, "--verbose"]);

        Assert.Equal(4, run.Stdout.Split('\n').Count(l => l == "  evidence"));
    }

    [Fact]
    public void One_analysis_writes_every_requested_format_and_the_text_report_to_stdout()
    {
        var dir = Directory.CreateTempSubdirectory("kalc-iac-outputs-").FullName;
        try
        {
            var sarif = Path.Combine(dir, "r.sarif");
            var markdown = Path.Combine(dir, "r.md");
            var json = Path.Combine(dir, "r.json");

            var run = CliRun.Of([.. ExampleArgs, "--format", $"sarif={sarif}", $"--format=markdown={markdown}", "-f", $"json={json}"]);

            Assert.Equal(ExitCodes.FindingsAtOrAboveFailOn, run.ExitCode);
            Assert.StartsWith("kalc-iac: breaks", run.Stdout);
            Assert.Equal("2.1.0", JsonDocument.Parse(File.ReadAllText(sarif)).RootElement.GetProperty("version").GetString());
            Assert.StartsWith("## kalc-iac: breaks", File.ReadAllText(markdown));
            Assert.Equal("breaks", JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("verdict").GetString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("yaml=out.yaml")]
    [InlineData("sarif=")]
    public void A_wrong_format_file_pair_is_a_usage_error(string value)
    {
        var run = CliRun.Of([.. ExampleArgs, "--format", value]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("kalc-iac: ", run.Stderr);
        Assert.Single(run.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void Sarif_from_the_kubespray_example_locates_every_result_in_the_inventory_relative_to_the_repository_root()
    {
        var dir = Directory.CreateTempSubdirectory("kalc-iac-sarif-").FullName;
        try
        {
            var sarif = Path.Combine(dir, "k.sarif");
            var inventory = "repo:examples/kubespray-misplaced-group-vars";
            CliRun.Of("--kubespray", $"{inventory}/inventory", "--k8s-state", $"{inventory}/k8s", "--kubespray-version", "v2.26.0", "--format", $"sarif={sarif}");

            var results = JsonDocument.Parse(File.ReadAllText(sarif)).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
            Assert.NotEmpty(results);
            Assert.All(results, r =>
            {
                var physical = r.GetProperty("locations")[0].GetProperty("physicalLocation");
                Assert.StartsWith("examples/kubespray-misplaced-group-vars/inventory/", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
                Assert.True(physical.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
            });
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
