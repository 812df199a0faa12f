using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Kalc.Iac.Cli.Tests.Integrations;

/// <summary>integrations/github-action run as the Actions runner runs a composite action (ActionsRunner says how).</summary>
public sealed class GitHubActionTests
{
    private static string ActionDirectory => Path.Combine(Kalc.Iac.Tests.RepoPaths.Root, "integrations", "github-action");

    private static string Repo(string relative) => Path.Combine(Kalc.Iac.Tests.RepoPaths.Root, relative);

    private static (HostProcess Result, ActionsRunner Runner) Run(TempDir temp, Dictionary<string, string> inputs)
    {
        var runner = new ActionsRunner(ActionDirectory, Kalc.Iac.Tests.RepoPaths.Root, temp.Path);
        inputs.TryAdd("binary", HostProcess.KalcIac);
        return (runner.Run(inputs, new Dictionary<string, string> { ["token"] = "t" }), runner);
    }

    [Theory]
    [InlineData("plan", "x$(touch {0})")]
    [InlineData("aws-state", "`touch {0}`")]
    [InlineData("disable", "KIAC101; touch {0}")]
    public void Shell_syntax_in_an_input_reaches_kalc_iac_as_text_and_is_never_run(string input, string template)
    {
        using var temp = new TempDir();
        var marker = temp.File("pwned");
        var value = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, marker);
        var inputs = new Dictionary<string, string> { ["plan"] = Repo("examples/kubespray-iam-teardown/plan.json"), [input] = value };

        var (result, runner) = Run(temp, inputs);

        Assert.False(File.Exists(marker));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(value.Split('\n')[0], result.Stderr);
        Assert.Equal("2", runner.StepOutputs["run"]["exit-code"]);
    }

    [Fact]
    public void No_run_script_and_no_input_default_holds_an_expression_the_runner_would_paste_or_not_set()
    {
        var action = ActionsRunner.Load(ActionDirectory);
        foreach (var step in ((YamlSequenceNode)((YamlMappingNode)action["runs"])["steps"]).Children.Cast<YamlMappingNode>())
            if (step.Children.TryGetValue("run", out var run))
                Assert.DoesNotContain("${{", ((YamlScalarNode)run).Value);
        foreach (var (name, spec) in (YamlMappingNode)action["inputs"])
        {
            var defaults = ((YamlMappingNode)spec).Children.TryGetValue("default", out var d) ? ((YamlScalarNode)d).Value ?? "" : "";
            // github.token is set when defaults are evaluated; github.action_path is not (it exists only inside steps).
            Assert.True(!defaults.Contains("${{", StringComparison.Ordinal) || defaults == "${{ github.token }}", $"input {name}: default {defaults}");
        }
    }

    [Fact]
    public void Every_option_of_the_analysis_has_an_input()
    {
        var inputs = ((YamlMappingNode)ActionsRunner.Load(ActionDirectory)["inputs"]).Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet();
        // Output options are the action's own: it always writes SARIF, Markdown and JSON, quietly, without colour.
        string[] ownedByTheAction = ["--format", "--output", "--quiet", "--no-color", "--verbose", "--help", "--version"];
        var help = HelpText.Main;
        var section = help[help.IndexOf("options:", StringComparison.Ordinal)..help.IndexOf("exit codes:", StringComparison.Ordinal)];
        var options = System.Text.RegularExpressions.Regex.Matches(section, @"(?m)(?<=^\s+(?:-\w, )?|, )--[a-z0-9-]+").Select(m => m.Value).Distinct()
            .Except(ownedByTheAction).ToList();

        Assert.Contains("--kubespray", options);
        Assert.Contains("--context", options);

        Assert.All(options, option => Assert.Contains(option[2..], inputs));
    }

    [Fact]
    public void One_run_writes_sarif_markdown_and_json_fills_the_job_summary_and_fails_the_step_for_a_breaking_plan()
    {
        using var temp = new TempDir();
        var example = "examples/kubespray-iam-teardown";

        var (result, runner) = Run(temp, new()
        {
            ["plan"] = Repo(example + "/plan.txt"),
            ["aws-state"] = Repo(example + "/aws"),
            ["k8s-state"] = Repo(example + "/k8s"),
            ["source"] = Repo("fixtures/terraform-source/kubespray-contrib-aws"),
        });

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("kalc-iac: breaks", result.Stdout);
        var outputs = runner.StepOutputs["run"];
        Assert.Equal("breaks", outputs["verdict"]);
        Assert.Equal("1", outputs["exit-code"]);
        var markdown = File.ReadAllText(outputs["markdown"]);
        Assert.StartsWith("## kalc-iac: breaks", markdown);
        Assert.Equal(markdown, runner.Summary);
        using var json = JsonDocument.Parse(File.ReadAllText(outputs["json"]));
        Assert.Equal(4, json.RootElement.GetProperty("findings").GetArrayLength());
        var uris = SarifUris(outputs["sarif"]);
        Assert.Equal(4, uris.Count);
        Assert.All(uris, u => Assert.StartsWith("fixtures/terraform-source/kubespray-contrib-aws/", u));
    }

    [Fact]
    public void Kubespray_mode_reaches_the_tool_and_every_result_is_located_in_the_inventory()
    {
        using var temp = new TempDir();
        var example = "examples/kubespray-misplaced-group-vars";

        var (result, runner) = Run(temp, new()
        {
            ["kubespray"] = Repo(example + "/inventory"),
            ["kubespray-version"] = "v2.26.0",
            ["k8s-state"] = Repo(example + "/k8s"),
            ["strict"] = "false",
        });

        Assert.Equal(1, result.ExitCode);
        var uris = SarifUris(runner.StepOutputs["run"]["sarif"]);
        Assert.NotEmpty(uris);
        Assert.All(uris, u => Assert.StartsWith(example + "/inventory/", u));
        Assert.Contains(example + "/inventory/hosts.yaml", uris);
    }

    [Fact]
    public void Strict_is_on_by_default_so_missing_state_fails_the_step()
    {
        using var temp = new TempDir();

        var (result, runner) = Run(temp, new() { ["plan"] = Repo("examples/kubespray-iam-teardown/plan.json") });

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("incomplete", runner.StepOutputs["run"]["verdict"]);
    }

    /// <summary>Each result's physical location URI, in order.</summary>
    private static List<string> SarifUris(string path)
    {
        using var sarif = JsonDocument.Parse(File.ReadAllText(path));
        return [.. sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!)];
    }
}
