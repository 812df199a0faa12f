using Kalc.Iac.PlanParser.Binary;
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

    public static PreviousStack Run(StackName stack, IPlanToolRunner runner)
    {
        var command = $"pulumi stack export --stack {stack.Qualified}";
        var pulumi = runner.Find("pulumi");
        if (pulumi is null) return PreviousStack.Unknown($"`{command}` cannot run: no pulumi on PATH (or give stackExport)");
        ToolRun run;
        try
        {
            run = runner.Run(pulumi, ["stack", "export", "--stack", stack.Qualified], Timeout);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return PreviousStack.Unknown($"`{command}` cannot run: {e.Message}");
        }
        if (run.TimedOut) return PreviousStack.Unknown($"`{command}` did not finish within {Timeout.TotalSeconds:0} s");
        if (run.ExitCode != 0)
        {
            var first = Core.InputText.StripAnsi(run.Stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
            return PreviousStack.Unknown($"`{command}` failed (exit {run.ExitCode}){(first.Length > 0 ? ": " + Truncate(first) : "")}");
        }
        return Parse(run.Stdout, command);
    }

    private static PreviousStack Parse(byte[] bytes, string name)
    {
        var read = PulumiStackExportReader.Read(bytes, name);
        return read.IsOk ? PreviousStack.Known(read.Value) : PreviousStack.Unknown(read.Error.ToString());
    }

    private static string Truncate(string s) => s.Length > 300 ? s[..300] + "..." : s;
}
