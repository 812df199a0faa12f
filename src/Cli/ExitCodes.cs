namespace Kalc.Iac.Cli;

/// <summary>Exit codes are public API (ARCHITECTURE.md): scripts and CI depend on them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int FindingsAtOrAboveFailOn = 1;
    public const int BadInput = 2;
    public const int Incomplete = 3;

    /// <summary>A bug in kalc-iac, not in its input: EX_SOFTWARE of sysexits.h
    /// (https://man7.org/linux/man-pages/man3/sysexits.h.3head.html).</summary>
    public const int InternalError = 70;

    /// <summary>Ended by SIGINT (Ctrl-C): 128 + 2, as shells report a process a signal ended.</summary>
    public const int Interrupted = 130;

    /// <summary>Ended by SIGTERM: 128 + 15.</summary>
    public const int Terminated = 143;
}
