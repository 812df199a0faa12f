using Google.Protobuf.WellKnownTypes;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.AwsModel.Dumps;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.KubeModel.Model;
using Kalc.Iac.KubeModel.Readers;
using Kalc.Iac.PlanParser.Pulumi;
using Kalc.Iac.PlanParser.Terraform.Json;
using Kalc.Iac.PulumiPolicy.Tests.Engine;

namespace Kalc.Iac.PulumiPolicy.Tests;

/// <summary>Every example with a Terraform plan also has the same change as Pulumi shows it (examples/X/pulumi/,
/// written by fixtures/pulumi/stacks_from_plan.py): the preview JSON, the engine-event stream and the policy pack must find the same rules,
/// components and instances as the Terraform plan.</summary>
public class ParityTests
{
    /// <summary>Examples whose Pulumi counterpart does not yet find what the plan finds, each with why (kept visible, not
    /// silently skipped). None: every example is compared.</summary>
    private static readonly string[] KnownGaps = [];

    private static IEnumerable<string> ExampleNames() =>
        Directory.GetDirectories(Path.Combine(Fixtures.Root, "examples")).Order(StringComparer.Ordinal)
            .Where(dir => File.Exists(Path.Combine(dir, "plan.json")))
            .Select(dir => Path.GetFileName(dir))
            .Where(name => !KnownGaps.Contains(name));

    public static TheoryData<string> Examples() => [.. ExampleNames()];

    [Fact]
    public void Every_example_with_a_Terraform_plan_has_its_Pulumi_files()
    {
        foreach (var example in ExampleNames())
            foreach (var file in new[] { "preview.json", "events.jsonl", "stack-export.json", "analyze-stack.json" })
                Assert.True(File.Exists(Path.Combine(Fixtures.Root, "examples", example, "pulumi", file)), $"{example}/pulumi/{file}");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Preview_and_policy_pack_find_what_the_Terraform_plan_finds(string example)
    {
        var dir = Path.Combine(Fixtures.Root, "examples", example);
        var world = new World(
            Directory.Exists(Path.Combine(dir, "aws")) ? AwsDumpDirectory.Read(Path.Combine(dir, "aws")).Unwrap() : AwsState.Empty,
            Directory.Exists(Path.Combine(dir, "k8s")) ? KubeStateDirectory.Read(Path.Combine(dir, "k8s")).Unwrap() : KubeState.Empty);
        var terraform = Analyzers.Analyzer.Run(world, TerraformJsonPlanReader.Read(File.ReadAllBytes(Path.Combine(dir, "plan.json")), "plan.json").Unwrap());
        var preview = Analyzers.Analyzer.Run(world, PulumiPreviewReader.Read(File.ReadAllBytes(Path.Combine(dir, "pulumi/preview.json")), "preview.json").Unwrap());
        var events = Analyzers.Analyzer.Run(world, PulumiEventStreamReader.Read(File.ReadAllBytes(Path.Combine(dir, "pulumi/events.jsonl")), "events.jsonl").Unwrap());

        using var pulumi = FakePulumi.Exporting(Path.Combine(dir, "pulumi/stack-export.json"));
        await using var pack = await InProcessPack.StartAsync(Fixtures.Root, pulumi.Directory);
        var info = await pack.Client.GetAnalyzerInfoAsync(new Empty());
        await pack.Client.ConfigureStackAsync(EngineRequests.ConfigureStack("acme", "project", "prod"));
        var aws = Directory.Exists(Path.Combine(dir, "aws")) ? $"\"awsState\": \"{Path.Combine(dir, "aws")}\", " : "";
        await pack.Client.ConfigureAsync(EngineRequests.Configure(info, $"{{\"kalc-iac-state\": {{{aws}\"k8sState\": \"{Path.Combine(dir, "k8s")}\"}}}}"));
        var stack = await pack.Client.AnalyzeStackAsync(EngineRequests.AnalyzeStack(Path.Combine(dir, "pulumi/analyze-stack.json")));

        var expected = terraform.Findings.Select(f => Key(f.RuleId, f.Impact.Components, f.Impact.Instances)).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, preview.Findings.Select(f => Key(f.RuleId, f.Impact.Components, f.Impact.Instances)).Order(StringComparer.Ordinal));
        Assert.Equal(terraform.Verdict, preview.Verdict);
        Assert.Equal(expected, events.Findings.Select(f => Key(f.RuleId, f.Impact.Components, f.Impact.Instances)).Order(StringComparer.Ordinal));
        Assert.Equal(preview.Changes.Total, events.Changes.Total);
        Assert.Equal(preview.Changes.ByAction.OrderBy(k => k.Key), events.Changes.ByAction.OrderBy(k => k.Key));
        var fromPack = stack.Diagnostics.Where(d => d.PolicyName != PackPolicies.StatePolicy)
            .Select(d => Key(Diagnostic.RuleId(d), Diagnostic.Line(d, "Components"), Diagnostic.Line(d, "Instances")));
        Assert.Equal(expected, fromPack.Order(StringComparer.Ordinal));
    }

    private static string Key(string rule, IEnumerable<string> components, IEnumerable<string> instances) =>
        $"{rule} [{string.Join(",", components.Order(StringComparer.Ordinal))}] [{string.Join(",", instances.Order(StringComparer.Ordinal))}]";
}
