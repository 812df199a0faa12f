using System.Diagnostics;

namespace Kalc.Iac.Cli.Tests;

/// <summary>The Native AOT build of kalc-iac (the release build), published by test.sh to .build/aot/kalc-iac, or
/// wherever KALC_IAC_AOT_BINARY points. Runs it as a user would: a process with arguments, stdin and environment.</summary>
internal static class AotBinary
{
    public static string? Path
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("KALC_IAC_AOT_BINARY") is { Length: > 0 } given
                ? given
                : System.IO.Path.Combine(Kalc.Iac.Tests.RepoPaths.Root, ".build", "aot", "kalc-iac");
            return File.Exists(path) ? path : null;
        }
    }

    public static CliRun Run(byte[]? stdin, IReadOnlyDictionary<string, string?> env, params string[] args) =>
        RunIn(Kalc.Iac.Tests.RepoPaths.Root, stdin, env, args);

    /// <summary>Runs the binary from <paramref name="workingDirectory"/>.</summary>
    public static CliRun RunIn(string workingDirectory, byte[]? stdin, IReadOnlyDictionary<string, string?> env, params string[] args)
    {
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException("no AOT binary"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (name, value) in env) start.Environment[name] = value;
        start.Environment["NO_COLOR"] = "1";
        // The in-process runs see no COLUMNS: the text report must be as wide in both.
        start.Environment.Remove("COLUMNS");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) process.StandardInput.BaseStream.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(true);
            throw new TimeoutException("the AOT binary did not finish in 120 s: " + string.Join(' ', args));
        }
        return new CliRun(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}

/// <summary>A fact that needs the AOT binary: skipped, saying why, when it has not been published.</summary>
public sealed class AotFactAttribute : FactAttribute
{
    public AotFactAttribute()
    {
        if (AotBinary.Path is null) Skip = "no Native AOT build at .build/aot/kalc-iac (test.sh publishes it; needs a C toolchain)";
    }

    private bool _needsHugePages;

    /// <summary>Also skipped where Linux offers no transparent huge pages.</summary>
    public bool NeedsHugePages
    {
        get => _needsHugePages;
        set
        {
            _needsHugePages = value;
            if (value && Skip is null && !Smaps.HugePagesAvailable)
                Skip = "transparent huge pages are off (/sys/kernel/mm/transparent_hugepage/enabled) or this is not Linux";
        }
    }
}
