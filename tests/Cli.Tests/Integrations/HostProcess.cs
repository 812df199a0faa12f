using System.Diagnostics;

namespace Kalc.Iac.Cli.Tests.Integrations;

/// <summary>Runs a program the way a CI host does: argv as given, only the environment passed in (plus what a process
/// needs to start), in a working directory; stdout and stderr captured.</summary>
internal sealed record HostProcess(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The kalc-iac apphost built next to the tests (the same CLI the in-process tests run).</summary>
    public static string KalcIac => Path.Combine(AppContext.BaseDirectory, "kalc-iac");

    /// <summary>Where the running .NET lives, so the apphost finds it whatever the child's PATH.</summary>
    public static string DotnetRoot =>
        Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root
            ? root
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));

    public static HostProcess Run(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string> env, string workingDirectory)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment.Clear();
        start.Environment["HOME"] = Environment.GetEnvironmentVariable("HOME") ?? "/tmp";
        start.Environment["DOTNET_ROOT"] = DotnetRoot;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in env) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish in 2 minutes");
        }
        return new HostProcess(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A directory of links named as the host would find them on PATH.</summary>
    public static string BinDirectory(string root, params (string Name, string Target)[] links)
    {
        var bin = Path.Combine(root, "bin");
        Directory.CreateDirectory(bin);
        foreach (var (name, target) in links) File.CreateSymbolicLink(Path.Combine(bin, name), target);
        return bin;
    }
}
