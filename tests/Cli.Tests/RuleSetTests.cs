using System.Text.Json;
using Kalc.Iac.Analyzers.Rules;
using Kalc.Iac.Reporting;

namespace Kalc.Iac.Cli.Tests;

/// <summary>Invariants over the whole rule set, and the generated rule docs (KALC_UPDATE_GOLDEN=1 rewrites them).</summary>
public class RuleSetTests
{
    private static readonly string Root = Kalc.Iac.Tests.RepoPaths.Root;

    [Fact]
    public void Rule_ids_are_unique_and_well_formed()
    {
        var ids = RuleRegistry.All.Select(r => r.Descriptor.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^KIAC[1-9][0-9]{2}$", id));
        Assert.All(RuleRegistry.All, r => Assert.EndsWith(r.Descriptor.Id + ".md", r.Descriptor.HelpLink));
    }

    [Fact]
    public void Every_plan_rule_has_a_scenario_that_fires_it_and_one_that_keeps_it_quiet()
    {
        var (fires, quiet) = ScenarioCoverage();
        foreach (var rule in RuleRegistry.All.Where(r => r.Descriptor.Category != "kubespray"))
        {
            Assert.True(fires.ContainsKey(rule.Descriptor.Id), $"{rule.Descriptor.Id} fires in no fixtures/scenarios/*/expect.json");
            Assert.True(quiet.ContainsKey(rule.Descriptor.Id), $"{rule.Descriptor.Id} is quiet in no fixtures/scenarios/*/expect.json");
        }
    }

    [Fact]
    public void Rule_docs_are_generated_from_the_descriptors()
    {
        var (fires, quiet) = ScenarioCoverage();
        var update = Environment.GetEnvironmentVariable("KALC_UPDATE_GOLDEN") == "1";
        var expected = new Dictionary<string, string>
        {
            ["docs/rules.md"] = RuleDocs.Index(RuleRegistry.All.Select(r => r.Descriptor)),
        };
        foreach (var r in RuleRegistry.All.Select(r => r.Descriptor))
        {
            var firing = fires.GetValueOrDefault(r.Id, []);
            var silent = quiet.GetValueOrDefault(r.Id, []);
            if (r.Category == "kubespray")
            {
                firing = [.. firing, "tests/Analyzers.Tests/Kubespray (fixtures/kubespray/inventories)"];
                silent = [.. silent, "tests/Analyzers.Tests/Kubespray (fixtures/kubespray/inventories)"];
            }
            expected[$"docs/rules/{r.Id}.md"] = RuleDocs.Page(r, firing, silent);
        }
        var stale = new List<string>();
        foreach (var (path, text) in expected)
        {
            var full = Path.Combine(Root, path);
            if (File.Exists(full) && File.ReadAllText(full).ReplaceLineEndings("\n") == text) continue;
            if (!update)
            {
                stale.Add(path);
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        Assert.True(stale.Count == 0, "stale rule docs (run KALC_UPDATE_GOLDEN=1 ./test.sh): " + string.Join(", ", stale));
    }

    private static (Dictionary<string, List<string>> Fires, Dictionary<string, List<string>> Quiet) ScenarioCoverage()
    {
        var fires = new Dictionary<string, List<string>>();
        var quiet = new Dictionary<string, List<string>>();
        foreach (var root in new[] { "fixtures/scenarios", "examples" })
            foreach (var dir in Directory.GetDirectories(Path.Combine(Root, root)).Order(StringComparer.Ordinal))
            {
                var file = Path.Combine(dir, "expect.json");
                if (!File.Exists(file)) continue;
                var rel = Path.GetRelativePath(Root, dir).Replace('\\', '/');
                using var doc = JsonDocument.Parse(File.ReadAllText(file));
                foreach (var p in doc.RootElement.GetProperty("fires").EnumerateObject()) Add(fires, p.Name, rel);
                foreach (var q in doc.RootElement.GetProperty("quiet").EnumerateArray()) Add(quiet, q.GetString()!, rel);
            }
        return (fires, quiet);
    }

    private static void Add(Dictionary<string, List<string>> map, string id, string scenario)
    {
        if (!map.TryGetValue(id, out var list)) map[id] = list = [];
        list.Add(scenario);
    }
}
