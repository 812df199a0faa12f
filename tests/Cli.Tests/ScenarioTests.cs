using System.Text.Json;

namespace Kalc.Iac.Cli.Tests;

/// <summary>Every scenario (fixtures/scenarios/*, examples/*) with an expect.json runs through the real readers and the
/// CLI, as JSON and as text plan when both exist, and must give the expected verdict and findings.</summary>
public class ScenarioTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var root in new[] { "fixtures/scenarios", "examples" })
            foreach (var dir in Directory.GetDirectories(Path.Combine(Kalc.Iac.Tests.RepoPaths.Root, root)).Order(StringComparer.Ordinal))
            {
                if (!File.Exists(Path.Combine(dir, "expect.json"))) continue;
                var rel = Path.GetRelativePath(Kalc.Iac.Tests.RepoPaths.Root, dir).Replace('\\', '/');
                if (File.ReadAllText(Path.Combine(dir, "expect.json")).Contains("\"args\"", StringComparison.Ordinal)) data.Add(rel, "(args)");
                foreach (var plan in new[] { "plan.json", "plan.txt" })
                    if (File.Exists(Path.Combine(dir, plan))) data.Add(rel, plan);
            }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Scenario_gives_the_expected_verdict_and_findings(string scenario, string plan)
    {
        var dir = Path.Combine(Kalc.Iac.Tests.RepoPaths.Root, scenario);
        using var expect = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "expect.json")));
        var args = new List<string>(ArgumentsFor(scenario, plan)) { "--format", "json" };

        var run = CliRun.Of([.. args]);

        Assert.True(run.Stderr.Length == 0 || run.ExitCode != 2, run.Stderr);
        using var report = JsonDocument.Parse(run.Stdout);
        var r = report.RootElement;
        var e = expect.RootElement;
        Assert.True(e.GetProperty("verdict").GetString() == r.GetProperty("verdict").GetString(),
            $"verdict {r.GetProperty("verdict")} (missing: {r.GetProperty("missing")}) in {scenario}/{plan}");
        var findings = r.GetProperty("findings").EnumerateArray().ToList();
        foreach (var rule in e.GetProperty("fires").EnumerateObject())
        {
            var expected = rule.Value.ValueKind == JsonValueKind.Array ? rule.Value.EnumerateArray().ToList() : [rule.Value];
            var actual = findings.Where(f => f.GetProperty("ruleId").GetString() == rule.Name).ToList();
            Assert.True(actual.Count >= expected.Count, $"{rule.Name}: expected {expected.Count} finding(s), got {actual.Count} in {scenario}/{plan}");
            foreach (var want in expected)
                Assert.True(actual.Any(f => Matches(f, want)), $"{rule.Name}: no finding matches {want} in {scenario}/{plan}; got {string.Join(" | ", actual.Select(a => a.GetProperty("impact").ToString()))}");
        }
        foreach (var quiet in e.GetProperty("quiet").EnumerateArray())
            Assert.DoesNotContain(findings, f => f.GetProperty("ruleId").GetString() == quiet.GetString());
    }

    /// <summary>The command line a scenario runs with: its "args", or its plan with its aws/ and k8s/ state.</summary>
    internal static IReadOnlyList<string> ArgumentsFor(string scenario, string plan)
    {
        var dir = Path.Combine(Kalc.Iac.Tests.RepoPaths.Root, scenario);
        using var expect = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "expect.json")));
        var args = new List<string>();
        if (expect.RootElement.TryGetProperty("args", out var given))
        {
            // Arguments given by the scenario; those naming a file or folder of the scenario are made absolute.
            foreach (var a in given.EnumerateArray().Select(x => x.GetString()!))
                args.Add(Path.Exists(Path.Combine(dir, a)) ? Path.Combine(dir, a) : a);
        }
        else
        {
            args.Add(Path.Combine(dir, plan));
            if (Directory.Exists(Path.Combine(dir, "aws"))) args.AddRange(["--aws-state", Path.Combine(dir, "aws")]);
            if (Directory.Exists(Path.Combine(dir, "k8s"))) args.AddRange(["--k8s-state", Path.Combine(dir, "k8s")]);
            if (Directory.Exists(Path.Combine(dir, "terraform"))) args.AddRange(["--source", Path.Combine(dir, "terraform")]);
        }
        return args;
    }

    private static bool Matches(JsonElement finding, JsonElement want)
    {
        var impact = finding.GetProperty("impact");
        foreach (var p in want.EnumerateObject())
        {
            switch (p.Name)
            {
                case "address":
                    if (finding.GetProperty("change").GetProperty("address").GetString() != p.Value.GetString()) return false;
                    break;
                case "source":
                    // file:line of the declaration in the scenario's terraform/ configuration (--source)
                    if (!finding.TryGetProperty("source", out var source) || source.ValueKind != JsonValueKind.Object
                        || $"{source.GetProperty("file").GetString()}:{source.GetProperty("line")}" != p.Value.GetString()) return false;
                    break;
                case "timeToImpact":
                    if (impact.GetProperty("timeToImpact").GetString() != p.Value.GetString()) return false;
                    break;
                default:
                    var have = impact.GetProperty(p.Name).EnumerateArray().Select(x => x.GetString()).ToHashSet();
                    var need = p.Value.EnumerateArray().Select(x => x.GetString()).ToHashSet();
                    if (!have.SetEquals(need)) return false;
                    break;
            }
        }
        return true;
    }
}
