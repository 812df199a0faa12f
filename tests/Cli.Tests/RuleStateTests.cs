using System.Text.Json;
using Kalc.Iac.Analyzers;
using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Rules;
using Kalc.Iac.AwsModel.Dumps;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.KubeModel.Model;
using Kalc.Iac.KubeModel.Readers;

namespace Kalc.Iac.Cli.Tests;

/// <summary>Every rule declares the state it reads; taking any one of those away from a scenario in which the rule fires
/// must leave the verdict not safe and name the command that gives that state.</summary>
public class RuleStateTests
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var rule in RuleRegistry.All.Where(r => r.Descriptor.Category != "kubespray"))
        {
            var scenario = FiringScenario(rule.Descriptor.Id);
            if (scenario is null) continue;
            foreach (var need in rule.Descriptor.Reads) data.Add(rule.Descriptor.Id, scenario, need.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Without_a_kind_of_state_the_rule_reads_the_verdict_is_not_safe_and_names_its_command(string ruleId, string scenario, string needName)
    {
        var rule = RuleRegistry.Find(ruleId)!;
        var need = rule.Descriptor.Reads.Single(n => n.Name == needName);
        var dir = Path.Combine(Kalc.Iac.Tests.RepoPaths.Root, scenario);
        var plan = File.Exists(Path.Combine(dir, "plan.json")) ? "plan.json" : "plan.txt";
        var change = ChangeLoader.Parse(File.ReadAllBytes(Path.Combine(dir, plan)), Path.Combine(dir, plan));
        var aws = Directory.Exists(Path.Combine(dir, "aws")) ? AwsDumpDirectory.Read(Path.Combine(dir, "aws")).Unwrap() : AwsState.Empty;
        var kube = Directory.Exists(Path.Combine(dir, "k8s")) ? KubeStateDirectory.Read(Path.Combine(dir, "k8s")).Unwrap() : KubeState.Empty;

        var report = Analyzer.Run(Without(new World(aws, kube), need), change);

        Assert.NotEqual(Verdict.Safe, report.Verdict);
        Assert.Contains(report.Missing, m => m.StartsWith(need.ToString(), StringComparison.Ordinal) || need.Alternatives.Any(a => m.StartsWith(a.ToString(), StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_mapped_resource_type_is_judged_by_a_rule()
    {
        var judged = RuleRegistry.All.SelectMany(r => r.Descriptor.Judges).ToHashSet(StringComparer.Ordinal);
        Assert.All(ResourceMappers.SupportedTypes, type => Assert.True(judged.Contains(type), $"{type} is mapped but no rule judges it"));
    }

    [Fact]
    public void Every_type_a_rule_judges_is_mapped_or_a_kubespray_run()
    {
        var mapped = ResourceMappers.SupportedTypes.ToHashSet(StringComparer.Ordinal);
        foreach (var rule in RuleRegistry.All)
            foreach (var type in rule.Descriptor.Judges)
                Assert.True(mapped.Contains(type) || type == RuleDescriptors.KubesprayRun, $"{rule.Descriptor.Id} judges {type}, which no mapper reads");
    }

    /// <summary>The world as if that kind of state had not been given.</summary>
    private static World Without(World world, StateNeed need)
    {
        // State of which any one kind is enough is missing when none of its kinds was given.
        if (!need.Alternatives.IsEmpty) return need.Alternatives.Aggregate(world, Without);
        if (need.Kube is { } k)
        {
            var kube = world.Kube with { Loaded = world.Kube.Loaded.Remove(k) };
            kube = k switch
            {
                KubeStateKind.Nodes => kube with { Nodes = [] },
                KubeStateKind.ServiceAccounts => kube with { ServiceAccounts = [] },
                KubeStateKind.Workloads => kube with { Workloads = [] },
                _ => kube with { ConfigMaps = [], AwsAuthRoleMappings = [] },
            };
            return world with { Kube = kube };
        }
        var aws = world.Aws with { Loaded = world.Aws.Loaded.Remove(need.Aws!.Value) };
        aws = need.Aws switch
        {
            AwsStateKind.Iam => aws with { Roles = [], InstanceProfiles = [], Policies = [], Loaded = aws.Loaded.Remove(AwsStateKind.IamRoles).Remove(AwsStateKind.InstanceProfiles).Remove(AwsStateKind.ManagedPolicies) },
            AwsStateKind.Instances => aws with { Instances = [] },
            AwsStateKind.LaunchTemplateVersions => aws with { LaunchTemplateVersions = [] },
            AwsStateKind.AutoScalingGroups => aws with { AutoScalingGroups = [] },
            AwsStateKind.EksClusters => aws with { EksClusters = [] },
            AwsStateKind.PodIdentityAssociations => aws with { PodIdentityAssociations = [] },
            AwsStateKind.OidcProviders => aws with { OidcProviders = [] },
            AwsStateKind.InstanceProfiles => aws with { InstanceProfiles = [] },
            AwsStateKind.AccessEntries => aws with { AccessEntries = [] },
            AwsStateKind.AccessPolicyAssociations => aws with { AccessPolicyAssociations = [] },
            _ => aws,
        };
        return world with { Aws = aws };
    }

    /// <summary>A scenario whose expect.json has the rule fire (from its plan, not its own arguments).</summary>
    private static string? FiringScenario(string ruleId)
    {
        foreach (var root in new[] { "fixtures/scenarios", "examples" })
            foreach (var dir in Directory.GetDirectories(Path.Combine(Kalc.Iac.Tests.RepoPaths.Root, root)).Order(StringComparer.Ordinal))
            {
                var file = Path.Combine(dir, "expect.json");
                if (!File.Exists(file)) continue;
                using var doc = JsonDocument.Parse(File.ReadAllText(file));
                if (doc.RootElement.TryGetProperty("args", out _)) continue;
                if (doc.RootElement.GetProperty("fires").TryGetProperty(ruleId, out _))
                    return Path.GetRelativePath(Kalc.Iac.Tests.RepoPaths.Root, dir).Replace('\\', '/');
            }
        return null;
    }
}
