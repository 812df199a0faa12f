namespace Kalc.Iac.Cli.Tests;

/// <summary>The command line as System.CommandLine parses it: the same options, plus --opt=value, response files,
/// "did you mean" for a mistyped option, --help anywhere and shell completion.</summary>
public sealed class ArgumentParserTests
{
    [Fact]
    public void Every_option_parses_in_both_spellings_and_lists_repeat()
    {
        var o = ArgumentParser.Parse([
            "plan.json", "--aws-state=aws", "--k8s-state", "k8s", "--kubespray-dir:kd", "--source", "tf", "--fail-on=critical",
            "-o", "out.txt", "--config", "c.json", "--region", "eu-west-1", "--cluster", "prod", "--context", "ctx",
            "--disable", "KIAC101,KIAC102", "--disable=KIAC201", "-e", "a=1", "--extra-vars", "b=2", "--strict", "-q", "--no-color", "-v",
            "--format", "json", "-f", "sarif=r.sarif", "--format=markdown=r.md",
        ]);

        Assert.Equal("plan.json", o.Plan);
        Assert.Equal(("aws", "k8s", "kd", "tf"), (o.AwsState, o.K8sState, o.KubesprayDir, o.Source));
        Assert.Equal(Analyzers.Model.Severity.Critical, o.FailOn);
        Assert.Equal(("out.txt", "c.json", "eu-west-1", "prod", "ctx"), (o.Output, o.Config, o.Region, o.Cluster, o.KubeContext));
        Assert.Equal(["KIAC101", "KIAC102", "KIAC201"], o.DisabledRules.ToArray());
        Assert.Equal(["a=1", "b=2"], o.ExtraVars.ToArray());
        Assert.True(o.Strict && o.Quiet && o.NoColor && o.Verbose);
        Assert.Equal("json", o.Format);
        Assert.Equal([new ReportTarget("sarif", "r.sarif"), new ReportTarget("markdown", "r.md")], o.Outputs.ToArray());
    }

    [Fact]
    public void A_response_file_supplies_arguments_one_a_line()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "--aws-state\nstate/aws\n--strict\n");

            var o = ArgumentParser.Parse(["plan.json", "@" + file]);

            Assert.Equal(("plan.json", "state/aws", true), (o.Plan, o.AwsState, o.Strict));
            Assert.Contains("--aws-state", o.Tokens);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("--frmat", "unknown option --frmat (did you mean --format?)")]
    [InlineData("--aws-stat", "unknown option --aws-stat (did you mean --aws-state?)")]
    [InlineData("--bogus", "unknown option --bogus (see kalc-iac --help)")]
    public void A_mistyped_option_is_a_one_line_usage_error_with_the_nearest_names(string option, string message)
    {
        var run = CliRun.Of("plan.json", option, "x");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith($"kalc-iac: {message}", run.Stderr);
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData(new[] { "--aws-state" }, "--aws-state needs a value")]
    [InlineData(new[] { "--aws-state", "--strict" }, "--aws-state needs a value")]
    [InlineData(new[] { "a.json", "b.json" }, "more than one plan given (a.json and b.json)")]
    public void Missing_values_and_a_second_plan_are_usage_errors(string[] args, string message)
    {
        var ex = Assert.Throws<UsageException>(() => ArgumentParser.Parse(args));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Help_anywhere_on_the_line_prints_the_usage()
    {
        var run = CliRun.Of("plan.json", "--strict", "--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.StartsWith("kalc-iac - predict", run.Stdout);
    }

    [Fact]
    public void The_suggest_directive_completes_options_and_sub_commands_for_the_shell()
    {
        // dotnet-suggest passes the position of the cursor and the line after the command name.
        var options = CliRun.Of("[suggest:4]", "--fo");
        var commands = CliRun.Of("[suggest:1]", "r");

        Assert.Equal(ExitCodes.Ok, options.ExitCode);
        Assert.Contains("--format", options.Stdout.Split('\n'));
        Assert.DoesNotContain("--strict", options.Stdout.Split('\n'));
        Assert.Contains("rules", commands.Stdout.Split('\n'));
    }
}
