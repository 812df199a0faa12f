using System.Text;

namespace Kalc.Iac.Cli.Tests.Robustness;

/// <summary>What an error line may carry: nothing from inside a string value (where a secret may be), a bounded and
/// escaped excerpt at most, one line, on stderr only, with the documented exit code.</summary>
public sealed class ErrorLineTests : IDisposable
{
    private const string Secret = "SUPERSECRET-hunter2-Zq9";
    private readonly string _dir = Directory.CreateTempSubdirectory("kalc-errline-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Change(string after, string actions = "\"create\"") =>
        "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"aws_db_instance.db\",\"mode\":\"managed\",\"type\":\"aws_db_instance\",\"name\":\"db\"," +
        $"\"change\":{{\"actions\":[{actions}],\"before\":null,\"after\":{after},\"after_unknown\":{{}},\"after_sensitive\":{{\"password\":true}}}}}}]}}";

    private static void AssertSafeError(CliRun run)
    {
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Empty(run.Stdout);
        var line = Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain(Secret, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Stderr);
        Assert.True(line.Length <= Core.ErrorText.MaxLine, $"{line.Length} characters");
    }

    [Theory]
    [InlineData("{\"allocated_storage\":falSe,\"password\":\"" + Secret + "\"}")]
    [InlineData("{\"allocated_storage\":nul,\"password\":\"" + Secret + "\"}")]
    [InlineData("{\"allocated_storage\":tru \"password\":\"" + Secret + "\"}")]
    [InlineData("{\"password\":\"" + Secret + "\" \"x\":1}")]
    [InlineData("{\"password\":\"" + Secret + "\\q\"}")]
    public void A_malformed_plan_never_quotes_a_sensitive_value(string after)
    {
        AssertSafeError(CliRun.Of(Write("plan.json", Change(after))));
        AssertSafeError(CliRun.WithStdin(Encoding.UTF8.GetBytes(Change(after))));
    }

    [Fact]
    public void A_string_in_the_place_of_an_action_is_not_quoted() =>
        AssertSafeError(CliRun.Of(Write("plan.json", Change("{}", "\"" + Secret + "\\u001b[2J\""))));

    [Fact]
    public void A_lone_surrogate_escape_in_a_top_level_key_is_an_input_error_not_a_bug()
    {
        // Found by the long fuzz run (CsCheck seed aOamDgYTj7H1): the format detector compared key names, which
        // unescapes them, and System.Text.Json throws InvalidOperationException on "\uD800".
        var run = CliRun.WithStdin(Encoding.UTF8.GetBytes("{\"format_version\":\"1.2\",\"\\uD800x\":1,\"resource_changes\":[]}"));

        AssertSafeError(run);
        Assert.DoesNotContain("internal error", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_unknown_format_version_gives_a_short_line()
    {
        var run = CliRun.Of(Write("plan.json", "{\"format_version\":\"" + new string('9', 5_000_000) + "\",\"resource_changes\":[]}"));

        AssertSafeError(run);
        Assert.Contains("unsupported format_version", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Terminal_escapes_in_a_text_plan_address_are_escaped_in_the_error()
    {
        var run = CliRun.Of(Write("plan.txt", "Terraform will perform the following actions:\n\n  # aws_x.\u001b[2Jy[ will be created\n  + resource \"aws_x\" \"y\" {\n      + a = 1\n    }\n\nPlan: 1 to add, 0 to change, 0 to destroy.\n"));

        Assert.DoesNotContain('\u001b', run.Stderr);
    }

    [Fact]
    public void A_malformed_aws_dump_never_quotes_its_values()
    {
        var aws = Path.Combine(_dir, "aws");
        Write("aws/iam.json", "{\"Roles\":[{\"RoleName\":\"r\",\"Description\":\"" + Secret + "\",\"Arn\":falsey}]}");

        AssertSafeError(CliRun.Of(Write("plan.json", Change("{}")), "--aws-state", aws));
    }

    [Fact]
    public void A_malformed_kubernetes_dump_never_quotes_its_values()
    {
        var k8s = Path.Combine(_dir, "k8s");
        Write("k8s/secret.json", "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"s\"},\"data\":{\"token\":\"" + Secret + "\",\"x\":nope}}");

        AssertSafeError(CliRun.Of(Write("plan.json", Change("{}")), "--k8s-state", k8s));
    }

    [Fact]
    public void A_malformed_pulumi_preview_never_quotes_its_values() =>
        AssertSafeError(CliRun.Of(Write("preview.json",
            "{\"steps\":[{\"op\":\"" + Secret + "\",\"urn\":\"urn:pulumi:s::p::aws:iam/role:Role::r\",\"newState\":{\"inputs\":{\"password\":{\"4dabf18193072939515e22adb298388d\":\"1b47061264138c4ac30d75fd1eb44270\",\"value\":\"" + Secret + "\"}}}}]}")));

    [Fact]
    public void A_malformed_config_never_quotes_its_values() =>
        AssertSafeError(CliRun.Of(Write("plan.json", Change("{}")), "--config", Write("c.json", "{\"region\":\"" + Secret + "\",\"strict\":truthy}")));

    [Fact]
    public void A_bad_config_value_type_is_an_input_error_not_a_bug()
    {
        var run = CliRun.Of(Write("plan.json", Change("{}")), "--config", Write("c.json", "{\"disable\":[1,2]}"));

        AssertSafeError(run);
        Assert.Contains("'disable' must be an array", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_internal_error_has_its_own_exit_code_says_it_is_a_bug_once_and_names_the_version()
    {
        var err = new StringWriter();
        var io = new CliIo
        {
            OpenStdin = () => throw new InvalidOperationException("simulated failure"),
            Out = new StringWriter(),
            Err = err,
            StdinRedirected = true,
            Env = _ => null,
        };

        var code = await KalcIacCli.RunAsync(["-"], io);

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.NotEqual(ExitCodes.BadInput, code);
        var line = Assert.Single(err.ToString().TrimEnd('\n').Split('\n'));
        Assert.Contains($"a bug in kalc-iac {Reporting.ToolInfo.Version}", line, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(line, "bug"));
    }

    [Fact]
    public async Task With_stderr_closed_the_error_line_is_lost_never_written_to_stdout()
    {
        var output = new StringWriter();
        var io = new CliIo
        {
            OpenStdin = () => new MemoryStream(),
            Out = output,
            Err = new ClosedWriter(),
            StdinRedirected = true,
            Env = _ => null,
        };

        var code = await KalcIacCli.RunAsync([Path.Combine(_dir, "missing.json")], io);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task With_stdout_closed_the_run_ends_with_one_error_line_naming_stdout()
    {
        var err = new StringWriter();
        var io = new CliIo
        {
            OpenStdin = () => new MemoryStream(),
            Out = new ClosedWriter(),
            Err = err,
            StdoutRedirected = true,
            Env = _ => null,
        };

        var code = await KalcIacCli.RunAsync([Write("plan.json", Change("{}"))], io);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith("kalc-iac: stdout: cannot write the report", err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_stdout_closed_and_output_given_the_report_is_written_and_the_exit_code_is_the_verdicts()
    {
        var report = Path.Combine(_dir, "report.txt");
        var io = new CliIo
        {
            OpenStdin = () => new MemoryStream(),
            Out = new ClosedWriter(),
            Err = new StringWriter(),
            StdoutRedirected = true,
            Env = _ => null,
        };

        var code = await KalcIacCli.RunAsync([Write("plan.json", Change("{}")), "--output", report], io);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.StartsWith("kalc-iac: ", File.ReadAllText(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Dev_zero_as_the_plan_or_the_config_is_refused_from_its_start()
    {
        if (!File.Exists("/dev/zero")) return;

        var plan = CliRun.Of("/dev/zero");
        var config = CliRun.Of(Write("plan.json", Change("{}")), "--config", "/dev/zero");

        AssertSafeError(plan);
        Assert.Contains("binary", plan.Stderr, StringComparison.Ordinal);
        AssertSafeError(config);
        Assert.Contains("larger than 1 MiB", config.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_plan_over_the_limit_is_refused_from_its_size()
    {
        var path = Path.Combine(_dir, "huge.txt");
        using (var f = File.Create(path))
        {
            f.Write(Encoding.UTF8.GetBytes("Terraform will perform the following actions:\n" + new string(' ', 2 << 20)));
            f.SetLength(PlanInput.MaxWholeBytes + 1); // sparse tail
        }

        var run = CliRun.Of(path);

        AssertSafeError(run);
        Assert.Contains("refused unread", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void File_system_conditions_are_input_errors_naming_the_path()
    {
        var plan = Write("plan.json", Change("{}"));

        foreach (var (args, names) in new (string[], string)[]
                 {
                     ([Path.Combine(_dir, "nope.json")], "nope.json"),
                     ([_dir], _dir),
                     ([plan, "--aws-state", Path.Combine(_dir, "nope")], "nope"),
                     ([plan, "--aws-state", plan], "plan.json"),
                     ([plan, "--k8s-state", Path.Combine(_dir, "nope")], "nope"),
                     ([plan, "--output", Path.Combine(_dir, "no-dir", "r.txt")], "r.txt"),
                     ([plan, "--output", _dir], _dir),
                     ([plan, "--config", _dir], _dir),
                 })
        {
            var run = CliRun.Of(args);
            AssertSafeError(run);
            Assert.Contains(names, run.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", run.Stderr, StringComparison.Ordinal);
        }
    }
}
