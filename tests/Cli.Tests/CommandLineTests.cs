using System.Text;

namespace Kalc.Iac.Cli.Tests;

public class CommandLineTests
{
    private const string Example = "repo:examples/kubespray-iam-teardown";

    private static string[] ExampleArgs(string plan, params string[] more) =>
        [$"{Example}/{plan}", "--aws-state", $"{Example}/aws", "--k8s-state", $"{Example}/k8s", .. more];

    [Fact]
    public void The_example_breaks_and_exits_1()
    {
        var run = CliRun.Of(ExampleArgs("plan.json"));

        Assert.Equal(ExitCodes.FindingsAtOrAboveFailOn, run.ExitCode);
        Assert.StartsWith("kalc-iac: breaks", run.Stdout);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public void The_text_plan_on_stdin_gives_the_same_findings_as_the_json_plan()
    {
        var json = CliRun.Of(ExampleArgs("plan.json", "--format", "json"));
        var stdin = File.ReadAllBytes(Path.Combine(Kalc.Iac.Tests.RepoPaths.Root, "examples/kubespray-iam-teardown/plan.txt"));
        var text = CliRun.WithStdin(stdin, ["--aws-state", $"{Example}/aws", "--k8s-state", $"{Example}/k8s", "--format", "json"]);

        Assert.Equal(RuleIds(json.Stdout), RuleIds(text.Stdout));
        Assert.Contains("\"kind\": \"terraform-text\"", text.Stdout);
    }

    [Fact]
    public void A_fail_on_above_every_finding_exits_0()
    {
        Assert.Equal(ExitCodes.Ok, CliRun.Of(ExampleArgs("plan.json", "--fail-on", "critical", "--disable", "KIAC101,KIAC102")).ExitCode);
    }

    [Fact]
    public void With_source_findings_point_at_the_tf_line_that_declares_the_resource()
    {
        var run = CliRun.Of(ExampleArgs("plan.json", "--format", "json", "--source", "repo:fixtures/terraform-source/kubespray-contrib-aws"));

        using var doc = System.Text.Json.JsonDocument.Parse(run.Stdout);
        var sources = doc.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("source")).ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.EndsWith("modules/iam/main.tf", s.GetProperty("file").GetString()));
    }

    [Theory]
    [InlineData("plan.json")]
    [InlineData("plan.txt")]
    public void A_safe_plan_is_one_line_and_exits_0(string plan)
    {
        var s = "repo:fixtures/scenarios/unrelated-change";
        var run = CliRun.Of($"{s}/{plan}", "--aws-state", $"{s}/aws", "--k8s-state", $"{s}/k8s");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.StartsWith("kalc-iac: safe", run.Stdout);
        Assert.Single(run.Stdout.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Without_state_a_destroying_plan_is_incomplete_and_strict_makes_it_exit_3()
    {
        var loose = CliRun.Of($"{Example}/plan.json", "--format", "json");
        var strict = CliRun.Of($"{Example}/plan.json", "--strict");

        Assert.Contains("\"verdict\": \"incomplete\"", loose.Stdout);
        Assert.Equal(ExitCodes.Ok, loose.ExitCode);
        Assert.Equal(ExitCodes.Incomplete, strict.ExitCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":")]
    [InlineData("{\"format_version\":\"9.0\",\"resource_changes\":[]}")]
    [InlineData("{\"hello\":\"world\"}")]
    [InlineData("just some words, not a plan\n")]
    public void Bad_plans_on_stdin_end_in_one_line_and_exit_2(string input)
    {
        var run = CliRun.WithStdin(Encoding.UTF8.GetBytes(input));

        AssertOneLineError(run, "-");
    }

    [Fact]
    public void Random_bytes_invalid_utf8_and_deep_nesting_end_in_one_line_and_exit_2()
    {
        var random = new byte[4096];
        new Random(7).NextBytes(random);
        AssertOneLineError(CliRun.WithStdin(random), "-");
        AssertOneLineError(CliRun.WithStdin([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), "-");
        AssertOneLineError(CliRun.WithStdin(Encoding.UTF8.GetBytes(new string('[', 100_000))), "-");
        AssertOneLineError(CliRun.WithStdin(Encoding.UTF8.GetBytes("{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"a.\\uD800\",\"type\":\"a\",\"name\":\"b\",\"change\":{\"actions\":[\"delete\"]}}]}")), "-");
        AssertOneLineError(CliRun.WithStdin(Encoding.UTF8.GetBytes("{\"format_version\":\"1.2\",\"resource_changes\":" + new string('[', 100_000))), "-");
    }

    [Fact]
    public void A_binary_plan_on_stdin_says_which_command_to_run()
    {
        var run = CliRun.WithStdin([(byte)'P', (byte)'K', 3, 4, 0, 0, 1, 2]);

        AssertOneLineError(run, "-");
        Assert.Contains("terraform show -json", run.Stderr);
    }

    [Fact]
    public void A_garbage_file_in_the_state_directory_is_named()
    {
        var dir = Directory.CreateTempSubdirectory("kalc-aws-");
        try
        {
            File.Copy(Path.Combine(Kalc.Iac.Tests.RepoPaths.Root, "examples/kubespray-iam-teardown/aws/ec2-instances.json"), Path.Combine(dir.FullName, "ec2.json"));
            File.WriteAllBytes(Path.Combine(dir.FullName, "garbage.json"), [0x00, 0x01, 0x02, 0xff]);

            var run = CliRun.Of($"{Example}/plan.json", "--aws-state", dir.FullName);

            AssertOneLineError(run, "garbage.json");
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void A_yaml_alias_bomb_in_the_kubernetes_state_is_rejected()
    {
        var dir = Directory.CreateTempSubdirectory("kalc-k8s-");
        try
        {
            var bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
            for (var i = 0; i < 9; i++) bomb.Append($"{(char)('b' + i)}: &{(char)('b' + i)} [*{(char)('a' + i)},*{(char)('a' + i)},*{(char)('a' + i)},*{(char)('a' + i)},*{(char)('a' + i)},*{(char)('a' + i)},*{(char)('a' + i)},*{(char)('a' + i)},*{(char)('a' + i)}]\n");
            File.WriteAllText(Path.Combine(dir.FullName, "bomb.yaml"), bomb.ToString());

            var run = CliRun.Of($"{Example}/plan.json", "--k8s-state", dir.FullName);

            AssertOneLineError(run, "bomb.yaml");
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--fail-on", "severe")]
    [InlineData("--bogus")]
    [InlineData("--aws-state")]
    public void Wrong_arguments_exit_2_with_one_line(params string[] args)
    {
        var run = CliRun.WithStdin(Encoding.UTF8.GetBytes("{}"), args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void A_missing_plan_file_is_named()
    {
        AssertOneLineError(CliRun.Of("no-such-plan.json"), "no-such-plan.json");
    }

    [Fact]
    public void Rules_lists_every_rule_and_explain_prints_its_rationale()
    {
        var rules = CliRun.Of("rules");
        var explain = CliRun.Of("explain", "kiac101");

        Assert.Contains("KIAC101", rules.Stdout);
        Assert.Contains("KIAC301", rules.Stdout);
        Assert.Contains("Why:", explain.Stdout);
        Assert.Equal(ExitCodes.BadInput, CliRun.Of("explain", "KIAC999").ExitCode);
    }

    [Fact]
    public void Colour_is_never_used_when_NO_COLOR_is_set_or_output_is_redirected()
    {
        var run = CliRun.With(null, new Dictionary<string, string?> { ["NO_COLOR"] = "1" }, ExampleArgs("plan.json"));

        Assert.DoesNotContain("\u001b[", run.Stdout);
    }

    private static void AssertOneLineError(CliRun run, string names)
    {
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var lines = run.Stderr.TrimEnd().Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("kalc-iac: ", lines[0]);
        Assert.Contains(names, lines[0]);
        Assert.DoesNotContain("internal error", lines[0]);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    private static string[] RuleIds(string json)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        return [.. doc.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString() + " " + f.GetProperty("change").GetProperty("address").GetString()).Order()];
    }

    [Fact]
    public void KALC_TIMINGS_prints_a_line_per_phase_on_stderr_and_nothing_else_changes()
    {
        var env = new Dictionary<string, string?> { ["KALC_TIMINGS"] = "1" };
        var timed = CliRun.With(null, env, ExampleArgs("plan.json", "--format", "json"));
        var plain = CliRun.Of(ExampleArgs("plan.json", "--format", "json"));

        Assert.Equal(plain.Stdout, timed.Stdout);
        var lines = timed.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, l => Assert.StartsWith("kalc-iac: timing ", l));
        // First the start-up line, which says how much start-up data the binary released (none in process: only the
        // Native AOT build has it to release; AotBinaryTests).
        Assert.StartsWith("kalc-iac: timing start-up: ", lines[0]);
        Assert.EndsWith(", start-up data released 0 KiB)", lines[0].TrimEnd('\r'));
        Assert.Contains(lines, l => l.StartsWith("kalc-iac: timing read change and state: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("kalc-iac: timing write report: ", StringComparison.Ordinal));
        if (OperatingSystem.IsLinux()) Assert.All(lines, l => Assert.Matches(@"GC pauses \d+ ms, page faults \d+(, start-up data released \d+ KiB)?\)$", l.TrimEnd('\r')));
        Assert.Empty(plain.Stderr);
    }
}
