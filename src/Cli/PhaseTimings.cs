namespace Kalc.Iac.Cli;

/// <summary><c>KALC_TIMINGS=1</c>: a line on stderr for each phase of a run (bench/ and docs/performance.md use them);
/// never on by default.</summary>
internal static class PhaseTimings
{
    /// <summary>The first line, before the run reads anything: it also says how much of the binary's start-up data was
    /// released (<see cref="StartupData"/>).</summary>
    public const string StartUp = "start-up";

    /// <summary>What to call at the end of each phase, or null when timings are off.</summary>
    public static Action<string, TimeSpan>? For(CliIo io) =>
        io.Env("KALC_TIMINGS") == "1" ? (what, t) => Write(io, what, t) : null;

    /// <summary>The phase's time, then the time and CPU since the process started, and the memory and GC state.</summary>
    private static void Write(CliIo io, string what, TimeSpan t)
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var sinceStart = DateTime.Now - process.StartTime;
        lock (io.Err)
        {
            io.Err.WriteLine($"kalc-iac: timing {what}: {t.TotalMilliseconds:F0} ms (at {sinceStart.TotalMilliseconds:F0} ms since start, " +
                $"CPU {process.TotalProcessorTime.TotalMilliseconds:F0} ms, allocated {GC.GetTotalAllocatedBytes(true) / 1048576.0:F1} MiB, " +
                $"GC heap {GC.GetTotalMemory(false) >> 20} MiB, working set {Environment.WorkingSet >> 20} MiB, " +
                $"collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, " +
                $"GC pauses {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms{PageFaults()}" +
                (what == StartUp ? $", start-up data released {StartupData.Released >> 10} KiB)" : ")"));
        }
    }

    /// <summary>", page faults N" on Linux: the process's minor page faults so far (field 10 of /proc/self/stat,
    /// https://man7.org/linux/man-pages/man5/proc_pid_stat.5.html), each a first touch of a fresh page; "" elsewhere.</summary>
    private static string PageFaults()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            // The command name (field 2) is in parentheses and may hold spaces: count the fields after its closing one.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return $", page faults {fields[7]}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            return "";
        }
    }
}
