using System.Diagnostics;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Pulumi;

namespace Kalc.Iac.PulumiPolicy;

/// <summary>Gets the stack before the update: from the <c>stackExport</c> file, or by running
/// <c>pulumi stack export --stack ORG/PROJECT/STACK</c> with the <c>pulumi</c> found on PATH. The export runs as soon as
/// the engine names the stack (ConfigureStack comes before any step), so an update in progress is not half seen.</summary>
internal static class StackExport
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static PreviousStack FromFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return PreviousStack.Unknown($"stackExport {path} cannot be read: {e.Message}");
        }
        return Parse(bytes, path);
    }

    public static async Task<PreviousStack> RunAsync(StackName stack, Func<string, string?> env, CancellationToken ct)
    {
        var command = $"pulumi stack export --stack {stack.Qualified}";
        var pulumi = FindOnPath("pulumi", env("PATH"));
        if (pulumi is null) return PreviousStack.Unknown($"`{command}` cannot run: no pulumi on PATH (or give stackExport)");
        var start = new ProcessStartInfo(pulumi)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "stack", "export", "--stack", stack.Qualified }) start.ArgumentList.Add(a);
        start.Environment["PATH"] = env("PATH") ?? "";
        try
        {
            using var process = Process.Start(start)!;
            using var output = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(output, ct);
            var errors = process.StandardError.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                await copy.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                return PreviousStack.Unknown($"`{command}` did not finish within {Timeout.TotalSeconds:0} s");
            }
            var stderr = await errors.ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                var first = InputText.StripAnsi(stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
                return PreviousStack.Unknown($"`{command}` failed (exit {process.ExitCode}){(first.Length > 0 ? ": " + Truncate(first) : "")}");
            }
            return Parse(output.ToArray(), command);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InputException)
        {
            return PreviousStack.Unknown($"`{command}` cannot run: {e.Message}");
        }
    }

    private static PreviousStack Parse(byte[] bytes, string name)
    {
        var read = PulumiStackExportReader.Read(bytes, name);
        return read.IsOk ? PreviousStack.Known(read.Value) : PreviousStack.Unknown(read.Error.ToString());
    }

    private static string? FindOnPath(string name, string? path)
    {
        if (string.IsNullOrEmpty(path)) return null;
        string[] names = OperatingSystem.IsWindows() ? [name + ".exe", name + ".cmd", name] : [name];
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var n in names)
            {
                var candidate = Path.Combine(dir, n);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }

    private static string Truncate(string s) => s.Length > 300 ? s[..300] + "..." : s;
}
