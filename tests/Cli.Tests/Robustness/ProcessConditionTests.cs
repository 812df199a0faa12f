using System.Diagnostics;

namespace Kalc.Iac.Cli.Tests.Robustness;

/// <summary>The conditions CI and terminals put a process in, on the real process: signals while a read blocks, closed
/// standard streams, a file-size limit.</summary>
public sealed class ProcessConditionTests : IDisposable
{
    private const string Example = "examples/kubespray-iam-teardown";
    private readonly string _dir = Directory.CreateTempSubdirectory("kalc-process-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Ctrl_c_while_waiting_on_a_fifo_ends_the_run_with_130()
    {
        if (!OperatingSystem.IsLinux()) return;
        var fifo = Path.Combine(_dir, "plan.fifo");
        Process.Start("mkfifo", [fifo])!.WaitForExit();
        using var p = KalcProcess.Start("exec \"$@\"", [fifo]);
        p.StandardInput.Close();
        // Opening the FIFO for writing returns once kalc-iac has opened it for reading: it is past its start.
        using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
        writer.Write("{\"format_version\":\"1.2\",\"resource_chan"u8);
        writer.Flush();

        Process.Start("kill", ["-INT", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        var (code, _, stderr) = KalcProcess.Finish(p);

        Assert.Equal(ExitCodes.Interrupted, code);
        Assert.Equal("kalc-iac: interrupted\n", stderr);
    }

    [Fact]
    public void Ctrl_c_while_waiting_for_a_fifo_to_be_opened_by_a_writer_ends_the_run_with_130()
    {
        if (!OperatingSystem.IsLinux()) return;
        var fifo = Path.Combine(_dir, "plan.fifo");
        Process.Start("mkfifo", [fifo])!.WaitForExit();
        using var p = KalcProcess.Start("exec \"$@\"", [fifo]);
        p.StandardInput.Close();
        var seenWaiting = KalcProcess.WaitUntilOpeningFifo(p);

        Process.Start("kill", ["-INT", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        var (code, _, stderr) = KalcProcess.Finish(p);

        Assert.Equal(ExitCodes.Interrupted, code);
        if (seenWaiting) Assert.Equal("kalc-iac: interrupted\n", stderr);
    }

    [Fact]
    public void Sigterm_while_reading_a_slow_stdin_ends_the_run_with_143()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var p = KalcProcess.Start("exec \"$@\"", ["-"]);
        p.StandardInput.Write("Terraform will perform the following actions:\n");
        p.StandardInput.Flush();
        var seenReading = KalcProcess.WaitUntilReading(p, 0);

        Process.Start("kill", ["-TERM", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        var (code, _, stderr) = KalcProcess.Finish(p);

        Assert.Equal(ExitCodes.Terminated, code);
        // Where the kernel would not show the read, the signal may have come before the handler: 143 still, unsaid.
        if (seenReading) Assert.Equal("kalc-iac: terminated\n", stderr);
    }

    [Fact]
    public void A_closed_stdout_with_output_writes_the_report_and_exits_with_the_verdicts_code()
    {
        var report = Path.Combine(_dir, "report.txt");
        using var p = KalcProcess.Start("exec \"$@\" >&-", [$"{Example}/plan.json", "--aws-state", $"{Example}/aws", "--k8s-state", $"{Example}/k8s", "--output", report]);
        p.StandardInput.Close();

        var (code, _, stderr) = KalcProcess.Finish(p);

        Assert.Equal(ExitCodes.FindingsAtOrAboveFailOn, code);
        Assert.Empty(stderr);
        Assert.StartsWith("kalc-iac: breaks", File.ReadAllText(report), StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_stdout_without_output_is_one_error_line_not_an_abort()
    {
        using var p = KalcProcess.Start("exec \"$@\" >&-", [$"{Example}/plan.json"]);
        p.StandardInput.Close();

        var (code, _, stderr) = KalcProcess.Finish(p);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith("kalc-iac: stdout: cannot write the report", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void A_closed_stderr_never_puts_the_error_into_the_report_on_stdout()
    {
        using var p = KalcProcess.Start("exec \"$@\" 2>&-", [Path.Combine(_dir, "missing.json")]);
        p.StandardInput.Close();

        var (code, stdout, _) = KalcProcess.Finish(p);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(stdout);
    }

    [Fact]
    public void Past_the_file_size_limit_the_old_report_is_kept_and_the_error_names_the_file()
    {
        if (!OperatingSystem.IsLinux()) return;
        var report = Path.Combine(_dir, "report.json");
        File.WriteAllText(report, "old");
        // ulimit -f counts 512-byte blocks in sh (dash) and 1024-byte ones in bash: 4 or 8 KiB, under the ~20 KiB report.
        using var p = KalcProcess.Start("ulimit -f 8 && exec \"$@\"", [$"{Example}/plan.json", "--aws-state", $"{Example}/aws", "--k8s-state", $"{Example}/k8s", "--format", "json", "--output", report]);
        p.StandardInput.Close();

        var (code, _, stderr) = KalcProcess.Finish(p);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith($"kalc-iac: {report}: cannot be written: file too large", stderr, StringComparison.Ordinal);
        Assert.Equal("old", File.ReadAllText(report));
        Assert.Equal(["report.json"], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }
}
