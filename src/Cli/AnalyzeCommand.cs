using Kalc.Iac.Analyzers;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Rules;
using Kalc.Iac.Reporting;

namespace Kalc.Iac.Cli;

/// <summary>The main command: read the change and the state, analyse, report, and choose the exit code.</summary>
internal static class AnalyzeCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliIo io, CancellationToken ct)
    {
        var o = ConfigFile.Apply(ArgumentParser.Parse(args), args);
        foreach (var id in o.DisabledRules)
            if (RuleRegistry.Find(id) is null) throw new UsageException($"--disable: no rule {id} (see kalc-iac rules)");
        // KALC_TIMINGS=1 prints where the time goes (bench/ uses it); never on by default.
        Action<string, TimeSpan>? timing = io.Env("KALC_TIMINGS") == "1" ? (what, t) => Timing(io, what, t) : null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // The state and the change are independent: read them at the same time.
        var worldTask = WorldLoader.LoadAsync(o, ProgressRenderer.For(o, io), ct);
        Analyzers.Model.World world;
        Kalc.Iac.PlanParser.Model.Change change;
        try
        {
            change = ChangeLoader.Load(o, io);
            timing?.Invoke("read change", clock.Elapsed);
        }
        finally
        {
            // A bad plan still waits for the state readers, so no read outlives the command.
            world = await worldTask.ConfigureAwait(false);
        }
        timing?.Invoke("read change and state", clock.Elapsed);
        var rules = RuleRegistry.All.Where(r => !o.DisabledRules.Contains(r.Descriptor.Id, StringComparer.OrdinalIgnoreCase)).ToList();
        using (AnalysisHeap.Enter())
        {
            var report = SourceLocations.Apply(Analyzer.Run(world, change, rules, timing), o.Source);
            clock.Restart();
            Write(report, o, io);
            timing?.Invoke("write report", clock.Elapsed);
            return ExitCodeFor(report, o);
        }
    }

    /// <summary>One KALC_TIMINGS line: the phase's time, the time and CPU since the process started, and the GC's state.</summary>
    private static void Timing(CliIo io, string what, TimeSpan t)
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var sinceStart = DateTime.Now - process.StartTime;
        lock (io.Err)
        {
            io.Err.WriteLine($"kalc-iac: timing {what}: {t.TotalMilliseconds:F0} ms (at {sinceStart.TotalMilliseconds:F0} ms since start, " +
                $"CPU {process.TotalProcessorTime.TotalMilliseconds:F0} ms, allocated {GC.GetTotalAllocatedBytes() >> 20} MiB, " +
                $"GC heap {GC.GetTotalMemory(false) >> 20} MiB, working set {Environment.WorkingSet >> 20} MiB, " +
                $"collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, GC pauses {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms" +
                $"{PageFaults()})");
        }
    }

    /// <summary>", page faults N" on Linux: the process's minor page faults so far (field 10 of /proc/self/stat,
    /// https://man7.org/linux/man-pages/man5/proc_pid_stat.5.html); each is a first touch of a fresh page.</summary>
    private static string PageFaults()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return $", page faults {fields[7]}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            return "";
        }
    }

    public static int ExitCodeFor(AnalysisReport report, CliOptions o)
    {
        if (report.Findings.Any(f => f.Severity >= o.FailOn)) return ExitCodes.FindingsAtOrAboveFailOn;
        if (report.Verdict == Verdict.Incomplete && o.Strict) return ExitCodes.Incomplete;
        return ExitCodes.Ok;
    }

    private static void Write(AnalysisReport report, CliOptions o, CliIo io)
    {
        var reporter = Reporters.For(o.Format);
        var toConsole = o.Output is null;
        var color = toConsole && o.Format == "text" && !o.NoColor && !io.StdoutRedirected && string.IsNullOrEmpty(io.Env("NO_COLOR"));
        var options = ReportOptions.Default with { Color = color };
        if (toConsole)
        {
            reporter.Write(report, io.Out, options);
            io.Out.Flush();
            return;
        }
        using var file = new StreamWriter(o.Output!, append: false, new System.Text.UTF8Encoding(false));
        reporter.Write(report, file, options);
    }
}
