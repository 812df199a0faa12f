using System.Diagnostics;
using System.Text.Json.Nodes;
using Kalc.Iac.Tests;

namespace Kalc.Iac.PlanParser.Tests.Hcl;

/// <summary>Runs HashiCorp's parser (npm @cdktf/hcl2json, installed by test.sh into tests/PlanParser.Tests/Hcl/hcl2json)
/// under node over a list of files: file -> its JSON, or the error HashiCorp's parser reported.</summary>
internal static class Hcl2Json
{
    public static string Directory { get; } = Path.Combine(RepoPaths.Root, "tests", "PlanParser.Tests", "Hcl", "hcl2json");

    public static string? Node { get; } = FindOnPath("node");

    public static bool Installed => Node is not null && System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "@cdktf", "hcl2json"));

    public static IReadOnlyDictionary<string, (JsonNode? Json, string? Error)> Convert(IReadOnlyList<string> files)
    {
        var output = Run(files, bench: false);
        var result = new Dictionary<string, (JsonNode?, string?)>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var o = JsonNode.Parse(line)!.AsObject();
            result[(string)o["file"]!] = (o["json"]?.DeepClone(), (string?)o["error"]);
        }
        return result;
    }

    /// <summary>Milliseconds node takes to parse the files (after a warm-up), measured inside node.</summary>
    public static double BenchMilliseconds(IReadOnlyList<string> files) => (double)JsonNode.Parse(Run(files, bench: true))!["ms"]!;

    private static string Run(IReadOnlyList<string> files, bool bench)
    {
        var psi = new ProcessStartInfo(Node!, bench ? ["hcl2json.js", "--bench"] : ["hcl2json.js"])
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardInput.Write(string.Join('\n', files));
        p.StandardInput.Close();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException("hcl2json.js failed: " + stderr.Result);
        return stdout.Result;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
