using System.Runtime.InteropServices;

namespace Kalc.Iac.Core;

/// <summary>Past the file-size limit (<c>ulimit -f</c>, RLIMIT_FSIZE) the kernel sends SIGXFSZ, whose default action
/// kills the process; with the signal ignored the write fails with EFBIG instead, which the output writer reports as
/// an error naming the file (setrlimit(2), signal(7)). Ignoring it with <c>signal(2)</c> takes effect at once for every
/// thread, unlike a managed signal registration, whose handler runs later on a thread of its own.</summary>
public static partial class FileSizeSignal
{
    /// <summary>SIGXFSZ is 25 on Linux (x86-64 and arm64) and on macOS (signal(7)).</summary>
    private const int SigXfsz = 25;

    private static readonly nint Ignore = 1; // SIG_IGN

    public static void IgnoreIt()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) _ = Signal(SigXfsz, Ignore);
    }

    [LibraryImport("libc", EntryPoint = "signal")]
    private static partial nint Signal(int signalNumber, nint handler);
}
