using System.Globalization;
using Kalc.Iac.Core;

namespace Kalc.Iac.PlanParser.Binary;

/// <summary>Turns a saved binary plan (<c>terraform plan -out tfplan</c>) into its JSON form by running
/// <c>terraform show -json</c> (or <c>tofu show -json</c>) when one is on PATH. The plan can only be read by the
/// tool that wrote it, in the directory it was made in (it needs the same providers), so failures say how to
/// convert it by hand.</summary>
public sealed class BinaryPlanConverter(IPlanToolRunner runner, TimeSpan timeout)
{
    private static readonly string[] Tools = ["terraform", "tofu"];

    public BinaryPlanConverter() : this(new ProcessToolRunner(), TimeSpan.FromMinutes(2)) { }

    public ParseResult<byte[]> ToJson(string planPath)
    {
        string? firstFailure = null;
        var foundAny = false;
        foreach (var tool in Tools)
        {
            var executable = runner.Find(tool);
            if (executable is null) continue;
            foundAny = true;
            var run = runner.Run(executable, ["show", "-json", planPath], timeout);
            if (run.TimedOut)
            {
                firstFailure ??= string.Create(CultureInfo.InvariantCulture, $"{tool} show -json did not finish within {timeout.TotalSeconds:0} s");
                continue;
            }
            if (run.ExitCode == 0 && StartsWithJsonObject(run.Stdout))
                return ParseResult<byte[]>.Ok(run.Stdout);
            firstFailure ??= string.Create(CultureInfo.InvariantCulture, $"{tool} show -json failed (exit {run.ExitCode}): {FirstLine(run.Stderr)}");
        }
        var manual = $"terraform show -json {Quote(planPath)} > plan.json";
        var reason = foundAny
            ? $"binary plan file: {firstFailure}; run it where the plan was made (same providers): {manual}"
            : $"binary plan file and neither terraform nor tofu is on PATH; convert it where the plan was made: {manual}";
        return ParseResult<byte[]>.Fail(new InputError(planPath, reason));
    }

    private static bool StartsWithJsonObject(byte[] bytes) => bytes.AsSpan().TrimStart(" \t\r\n"u8) is [(byte)'{', ..];

    private static string FirstLine(string stderr)
    {
        foreach (var line in stderr.Split('\n'))
        {
            var text = line.Trim().TrimStart('│', '╷', '╵', ' ').Trim();
            if (text.Length > 0) return text;
        }
        return "no error message";
    }

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;
}
