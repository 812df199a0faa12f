using System.Diagnostics;

namespace Kalc.Iac.Cli.Tests.Robustness;

/// <summary>kalc-iac as a process of its own, for what only a process has: signals, closed standard streams, resource
/// limits. The Native AOT build when test.sh published it, else the JIT build next to these tests run by `dotnet`.</summary>
internal static class KalcProcess
{
    /// <summary>The command line that starts kalc-iac.</summary>
    public static string[] Command
    {
        get
        {
            if (AotBinary.Path is { } aot) return [aot];
            var dll = typeof(KalcIacCli).Assembly.Location;
            return ["dotnet", dll];
        }
    }

    /// <summary>Starts <c>sh -c SCRIPT</c> where "$@" is kalc-iac and <paramref name="args"/>: the script sets up the
    /// condition (a closed stream, a limit) and execs it, so the process is kalc-iac itself.</summary>
    public static Process Start(string script, IEnumerable<string> args, string? stdinFrom = null)
    {
        var start = new ProcessStartInfo("sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdinFrom is null,
            WorkingDirectory = Kalc.Iac.Tests.RepoPaths.Root,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("sh");
        // A shell or test host that ignores SIGINT passes that on; Ctrl-C in a terminal does not find it ignored.
        if (File.Exists("/usr/bin/env") && EnvResetsSignals) { start.ArgumentList.Add("/usr/bin/env"); start.ArgumentList.Add("--default-signal=INT"); }
        foreach (var a in Command) start.ArgumentList.Add(a);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["NO_COLOR"] = "1";
        // The JIT's double-mapped code pages are a file the file-size limit would refuse; the AOT build has none.
        start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        return Process.Start(start)!;
    }

    public static (int Code, string Stdout, string Stderr) Finish(Process p)
    {
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            p.Kill(true);
            Assert.Fail("kalc-iac did not end within 60 s");
        }
        return (p.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>Waits (bounded by a count of looks, not by the clock's verdict) until the main thread of the process
    /// (its task id is the process id) is in read(2) on <paramref name="fd"/>, as /proc/PID/task/PID/syscall shows
    /// ("0 0xFD ..."). The file matters: while the runtime starts, the main thread waits in a read on a pipe of its
    /// own. Returns false where the kernel does not show it (no permission to look).</summary>
    public static bool WaitUntilReading(Process p, int fd)
    {
        // .NET reads stdin through a duplicate of descriptor 0: the same pipe, another number.
        var file = LinkTarget($"/proc/{p.Id}/fd/{fd}");
        return WaitUntil(p, (syscall, _) =>
        {
            var parts = syscall.Split(' ');
            return parts.Length > 1 && parts[0] == "0" && file is not null &&
                LinkTarget($"/proc/{p.Id}/fd/{Convert.ToInt32(parts[1], 16)}") == file;
        });
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The same for a FIFO nobody has opened for writing yet: openat(2) (257) sleeps in the kernel's
    /// wait_for_partner (fifo_open on older kernels). The runtime opens a FIFO of its own at start, on another thread.</summary>
    public static bool WaitUntilOpeningFifo(Process p) =>
        WaitUntil(p, (syscall, wchan) => syscall.StartsWith("257 ", StringComparison.Ordinal) &&
            (wchan.Contains("fifo", StringComparison.Ordinal) || wchan.Contains("wait_for_partner", StringComparison.Ordinal)));

    private static bool WaitUntil(Process p, Func<string, string, bool> there)
    {
        for (var look = 0; look < 1500; look++)
        {
            string syscall, wchan;
            try
            {
                syscall = File.ReadAllText($"/proc/{p.Id}/task/{p.Id}/syscall");
                wchan = File.ReadAllText($"/proc/{p.Id}/task/{p.Id}/wchan");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (p.HasExited) Assert.Fail($"kalc-iac ended early: {p.ExitCode}");
                return false;
            }
            if (there(syscall, wchan)) return true;
            if (p.HasExited) Assert.Fail($"kalc-iac ended early: {p.ExitCode} {p.StandardError.ReadToEnd()}");
            Thread.Sleep(20);
        }
        p.Kill(true);
        Assert.Fail("kalc-iac never blocked reading");
        return false;
    }

    private static bool? _envResets;

    private static bool EnvResetsSignals => _envResets ??= RunsOk("/usr/bin/env", "--default-signal=INT", "true");

    private static bool RunsOk(string program, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(program) { RedirectStandardError = true };
            foreach (var a in args) start.ArgumentList.Add(a);
            using var p = Process.Start(start)!;
            p.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
