using System.Text.Json;

namespace Kalc.Iac.Cli.Tests;

/// <summary>Each cluster-access example (one whose expect.json has a KIAC4xx rule fire) carries the plan twice: plan.json
/// and plan.txt, the human-readable `terraform show` rendering. ScenarioTests runs both against the same expect.json, so
/// both give exactly the same findings.</summary>
public class AccessExampleTests
{
    [Fact]
    public void Every_cluster_access_example_has_a_text_plan_next_to_its_json_plan()
    {
        var examples = Directory.GetDirectories(Path.Combine(Kalc.Iac.Tests.RepoPaths.Root, "examples"))
            .Where(d => File.Exists(Path.Combine(d, "expect.json")))
            .Where(d =>
            {
                using var expect = JsonDocument.Parse(File.ReadAllText(Path.Combine(d, "expect.json")));
                return expect.RootElement.GetProperty("fires").EnumerateObject().Any(p => p.Name.StartsWith("KIAC4", StringComparison.Ordinal));
            })
            .ToList();

        Assert.NotEmpty(examples);
        Assert.All(examples, d =>
        {
            Assert.True(File.Exists(Path.Combine(d, "plan.json")), $"{Path.GetFileName(d)} has no plan.json");
            Assert.True(File.Exists(Path.Combine(d, "plan.txt")), $"{Path.GetFileName(d)} has no plan.txt");
        });
    }
}
