using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Rules;
using Kalc.Iac.PulumiPolicy.Tests.Engine;
using Pulumirpc;

namespace Kalc.Iac.PulumiPolicy.Tests;

public class PackInfoTests
{
    [Fact]
    public async Task GetAnalyzerInfo_lists_one_policy_per_rule_family_and_the_state_policy()
    {
        await using var pack = await InProcessPack.StartAsync(Fixtures.Root, null);

        var info = await pack.Client.GetAnalyzerInfoAsync(new Google.Protobuf.WellKnownTypes.Empty());

        var families = RuleRegistry.All.Select(r => r.Descriptor.Category).Distinct().Select(c => "kalc-iac-" + c);
        Assert.Equal([.. families.Append("kalc-iac-state").Order(StringComparer.Ordinal)], info.Policies.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("kalc-iac", info.Name);
        Assert.True(info.SupportsConfig);
        foreach (var family in RuleRegistry.All.GroupBy(r => r.Descriptor.Category))
        {
            var policy = info.Policies.Single(p => p.Name == "kalc-iac-" + family.Key);
            var expected = family.Any(r => r.Descriptor.Severity >= Severity.High) ? EnforcementLevel.Mandatory : EnforcementLevel.Advisory;
            Assert.Equal(expected, policy.EnforcementLevel);
            foreach (var rule in family) Assert.Contains(rule.Descriptor.Id, policy.Description, StringComparison.Ordinal);
            Assert.Equal(PolicyType.Stack, policy.PolicyType);
        }
    }

    [Fact]
    public async Task The_state_policy_is_advisory_and_its_schema_names_every_setting()
    {
        await using var pack = await InProcessPack.StartAsync(Fixtures.Root, null);

        var info = await pack.Client.GetAnalyzerInfoAsync(new Google.Protobuf.WellKnownTypes.Empty());

        var state = info.Policies.Single(p => p.Name == "kalc-iac-state");
        Assert.Equal(EnforcementLevel.Advisory, state.EnforcementLevel);
        Assert.Equal([.. PackSettings.Names.Order(StringComparer.Ordinal)], state.ConfigSchema.Properties.Fields.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Handshake_and_GetPluginInfo_answer_with_the_tool_version()
    {
        await using var pack = await InProcessPack.StartAsync(Fixtures.Root, null);

        await pack.Client.HandshakeAsync(new AnalyzerHandshakeRequest { EngineAddress = "127.0.0.1:1", RootDirectory = Fixtures.Root, ProgramDirectory = Fixtures.Root });
        var plugin = await pack.Client.GetPluginInfoAsync(new Google.Protobuf.WellKnownTypes.Empty());

        Assert.Equal(Reporting.ToolInfo.Version, plugin.Version);
    }
}
