using System.Diagnostics;

namespace Kalc.Iac.PlanParser.Binary;

/// <summary>Runs a real process found on PATH; the only class here that touches processes and the file system.
/// <paramref name="environment"/> (default: the process's) gives the PATH it searches and passes on.</summary>
public sealed class ProcessToolRunner(Func<string, string?>? environment = null) : IPlanToolRunner
{
    private readonly Func<string, string?> _env = environment ?? Environment.GetEnvironmentVariable;

    public string? Find(string executable)
    {
        var path = _env("PATH");
        if (string.IsNullOrEmpty(path)) return null;
        var names = OperatingSystem.IsWindows() ? new[] { executable + ".exe", executable } : [executable];
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    public ToolRun Run(string executablePath, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(executablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment["TF_IN_AUTOMATION"] = "1";
        start.Environment["NO_COLOR"] = "1";
        if (_env("PATH") is { } searched) start.Environment["PATH"] = searched;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executablePath}");
        process.StandardInput.Close();
        using var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ToolRun(-1, [], "", TimedOut: true);
        }
        process.WaitForExit();
        copy.GetAwaiter().GetResult();
        return new ToolRun(process.ExitCode, stdout.ToArray(), stderr.GetAwaiter().GetResult());
    }
}
