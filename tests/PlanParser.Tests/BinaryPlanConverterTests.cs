using System.Text;
using Kalc.Iac.PlanParser.Binary;
using Kalc.Iac.PlanParser.Detection;
using Kalc.Iac.PlanParser.Model;
using Kalc.Iac.PlanParser.Terraform.Json;

namespace Kalc.Iac.PlanParser.Tests;

public class BinaryPlanConverterTests
{
    private sealed class FakeRunner(Dictionary<string, ToolRun> tools) : IPlanToolRunner
    {
        public List<string> Ran { get; } = [];

        public string? Find(string executable) => tools.ContainsKey(executable) ? "/fake/bin/" + executable : null;

        public ToolRun Run(string executablePath, IReadOnlyList<string> arguments, TimeSpan timeout)
        {
            var tool = Path.GetFileName(executablePath);
            Ran.Add($"{tool} {string.Join(' ', arguments)}");
            return tools[tool];
        }
    }

    private static readonly byte[] PlanJson = """{"format_version":"1.2","resource_changes":[]}"""u8.ToArray();

    [Fact]
    public void Without_terraform_or_tofu_the_error_gives_the_exact_command_to_run()
    {
        var result = new BinaryPlanConverter(new FakeRunner([]), TimeSpan.FromSeconds(5)).ToJson("tfplan");

        Assert.False(result.IsOk);
        Assert.Contains("terraform show -json tfplan > plan.json", result.Error.Reason, StringComparison.Ordinal);
        Assert.Equal("tfplan", result.Error.File);
    }

    [Fact]
    public void Terraform_show_json_output_is_returned_as_is()
    {
        var runner = new FakeRunner(new() { ["terraform"] = new ToolRun(0, PlanJson, "") });

        var result = new BinaryPlanConverter(runner, TimeSpan.FromSeconds(5)).ToJson("plans/tfplan");

        Assert.Equal(PlanJson, result.Value);
        Assert.Equal(["terraform show -json plans/tfplan"], runner.Ran);
    }

    [Fact]
    public void When_terraform_cannot_read_the_plan_tofu_is_tried_next()
    {
        var runner = new FakeRunner(new()
        {
            ["terraform"] = new ToolRun(1, [], "╷\n│ Error: Failed to read plan from plan file\n│\n"),
            ["tofu"] = new ToolRun(0, PlanJson, ""),
        });

        var result = new BinaryPlanConverter(runner, TimeSpan.FromSeconds(5)).ToJson("tfplan");

        Assert.True(result.IsOk);
        Assert.Equal(2, runner.Ran.Count);
    }

    [Fact]
    public void A_failing_show_gives_one_line_with_the_tools_first_error_and_the_manual_command()
    {
        var runner = new FakeRunner(new() { ["terraform"] = new ToolRun(1, [], "╷\n│ Error: Failed to load plugin schemas\n│ more detail\n") });

        var error = new BinaryPlanConverter(runner, TimeSpan.FromSeconds(5)).ToJson("tfplan").Error!;

        Assert.Contains("exit 1", error.Reason, StringComparison.Ordinal);
        Assert.Contains("Error: Failed to load plugin schemas", error.Reason, StringComparison.Ordinal);
        Assert.Contains("terraform show -json tfplan > plan.json", error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.ToString());
    }

    [Fact]
    public void A_show_that_hangs_is_reported_as_a_timeout()
    {
        var runner = new FakeRunner(new() { ["terraform"] = new ToolRun(-1, [], "", TimedOut: true) });

        var error = new BinaryPlanConverter(runner, TimeSpan.FromSeconds(3)).ToJson("tfplan").Error!;

        Assert.Contains("did not finish within 3 s", error.Reason, StringComparison.Ordinal);
    }

    [TerraformOnPathFact]
    public void A_real_binary_plan_made_by_terraform_is_converted_and_read()
    {
        var dir = Directory.CreateTempSubdirectory("kalc-tfplan-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "main.tf"), "resource \"terraform_data\" \"marker\" {\n  input = \"kalc\"\n}\n");
            var runner = new ProcessToolRunner();
            var terraform = runner.Find("terraform")!;
            Run(runner, terraform, dir, "init", "-input=false", "-no-color");
            Run(runner, terraform, dir, "plan", "-input=false", "-no-color", "-out=" + Path.Combine(dir.FullName, "tfplan"));
            var planPath = Path.Combine(dir.FullName, "tfplan");
            Assert.Equal(PlanFormat.BinaryPlan, PlanFormatDetector.Detect(File.ReadAllBytes(planPath)));

            var json = new BinaryPlanConverter(runner, TimeSpan.FromMinutes(2)).ToJson(planPath);

            Assert.True(json.IsOk, json.Error?.ToString());
            var rc = Assert.Single(TerraformJsonPlanReader.Read(json.Value, planPath).Unwrap().ResourceChanges);
            Assert.Equal(("terraform_data.marker", ChangeKind.Create), (rc.Address, rc.Kind));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static void Run(ProcessToolRunner runner, string terraform, DirectoryInfo dir, params string[] args)
    {
        var run = runner.Run(terraform, ["-chdir=" + dir.FullName, .. args], TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, $"terraform {string.Join(' ', args)}: {run.Stderr}{Encoding.UTF8.GetString(run.Stdout)}");
    }
}

/// <summary>Runs only where terraform is installed; a fresh CI machine may not have it.</summary>
public sealed class TerraformOnPathFactAttribute : FactAttribute
{
    public TerraformOnPathFactAttribute()
    {
        if (new ProcessToolRunner().Find("terraform") is null) Skip = "terraform is not on PATH";
    }
}
