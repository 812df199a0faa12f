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

    /// <summary>The findings must be exactly the expected ones - rule, change and severity, and the impact the expectation
    /// names - no more and no fewer; every rule not expected to fire is so held quiet in every scenario. The exit code and,
    /// for an incomplete verdict, what is named as missing are checked too.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Scenario_gives_exactly_the_expected_verdict_findings_and_exit_code(string scenario, string plan)
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
        Assert.True(e.GetProperty("exitCode").GetInt32() == run.ExitCode, $"exit code {run.ExitCode} in {scenario}/{plan}");
        var unmatched = r.GetProperty("findings").EnumerateArray().ToList();
        foreach (var rule in e.GetProperty("fires").EnumerateObject())
        {
            var expected = rule.Value.ValueKind == JsonValueKind.Array ? rule.Value.EnumerateArray().ToList() : [rule.Value];
            foreach (var want in expected)
            {
                var hit = unmatched.FindIndex(f => f.GetProperty("ruleId").GetString() == rule.Name && Matches(f, want));
                Assert.True(hit >= 0, $"{rule.Name}: no finding matches {want} in {scenario}/{plan}; got {string.Join(" | ", unmatched.Where(f => f.GetProperty("ruleId").GetString() == rule.Name).Select(Describe))}");
                unmatched.RemoveAt(hit);
            }
        }
        Assert.True(unmatched.Count == 0, $"unexpected findings in {scenario}/{plan}: {string.Join(" | ", unmatched.Select(Describe))}");
        foreach (var quiet in e.GetProperty("quiet").EnumerateArray())
            Assert.DoesNotContain(r.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == quiet.GetString());
        if (e.TryGetProperty("missing", out var missing))
        {
            var said = r.GetProperty("missing").EnumerateArray().Select(m => m.GetString()!).ToList();
            foreach (var m in missing.EnumerateArray())
                Assert.True(said.Any(s => s.Contains(m.GetString()!, StringComparison.Ordinal)), $"missing does not name '{m}' in {scenario}/{plan}: {string.Join(" | ", said)}");
            Assert.Equal(missing.GetArrayLength(), said.Count);
        }
    }

    /// <summary>The networking and lifecycle examples are also given as the text `terraform show` prints, so the theory above
    /// holds their text plan to the same findings as their JSON plan (a text plan hides unchanged attributes).</summary>
    [Theory]
    [InlineData("examples/node-sg-drops-webhook-port")]
    [InlineData("examples/public-subnets-lose-elb-tag")]
    [InlineData("examples/launch-template-replaces-all-nodes")]
    [InlineData("examples/karpenter-instance-profile-deleted")]
    public void Networking_and_lifecycle_examples_have_a_text_plan_beside_their_json_plan(string example)
    {
        Assert.Contains((example, "plan.txt"), Cases().Select(c => ((string)c[0], (string)c[1])));
        Assert.Contains((example, "plan.json"), Cases().Select(c => ((string)c[0], (string)c[1])));
    }

    private static string Describe(JsonElement f) =>
        $"{f.GetProperty("ruleId")} {f.GetProperty("severity")} {(f.GetProperty("change").ValueKind == JsonValueKind.Null ? "-" : f.GetProperty("change").GetProperty("address").GetString())} {f.GetProperty("impact")}";

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
                    var change = finding.GetProperty("change");
                    if ((change.ValueKind == JsonValueKind.Null ? null : change.GetProperty("address").GetString()) != p.Value.GetString()) return false;
                    break;
                case "severity":
                    if (finding.GetProperty("severity").GetString() != p.Value.GetString()) return false;
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
