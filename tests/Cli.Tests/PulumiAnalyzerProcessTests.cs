using Google.Protobuf.WellKnownTypes;
using Kalc.Iac.PulumiPolicy.Tests.Engine;
using Pulumirpc;

namespace Kalc.Iac.Cli.Tests;

/// <summary>kalc-iac started as the Pulumi engine starts a policy pack plugin (pkg/resource/plugin/analyzer_plugin.go):
/// as <c>pulumi-analyzer-policy-kalc-iac ENGINE_ADDRESS .</c> in the pack directory (the runtime route), and as
/// <c>kalc-iac pulumi-analyzer ENGINE_ADDRESS</c>; the port is read from its first line of stdout and every RPC is
/// called, with the stack before the update from a fake <c>pulumi</c> on PATH. The same for the Native AOT binary.</summary>
[Collection(nameof(CliProcessEnvironment))]
public sealed class PulumiAnalyzerProcessTests
{
    private const string Example = "kubespray-iam-teardown";

    private static string ExamplePath(string rel) => Path.Combine(Kalc.Iac.Tests.RepoPaths.Root, "examples", Example, rel);

    private static string PackDirectory => Path.Combine(Kalc.Iac.Tests.RepoPaths.Root, "integrations", "pulumi-policy");

    /// <summary>The apphost the build put next to the tests.</summary>
    private static string BuiltBinary => Path.Combine(AppContext.BaseDirectory, "kalc-iac");

    /// <summary>A directory with the binary linked under the plugin name, as the README's install command does.</summary>
    private static string LinkAsPlugin(string binary)
    {
        var dir = Directory.CreateTempSubdirectory("kalc-plugin-").FullName;
        var link = Path.Combine(dir, "pulumi-analyzer-policy-kalc-iac");
        File.CreateSymbolicLink(link, binary);
        return link;
    }

    private static async Task DriveLikeTheEngineAsync(PluginProcess plugin, FakePulumi pulumi)
    {
        var client = plugin.Client;
        await client.HandshakeAsync(new AnalyzerHandshakeRequest { EngineAddress = "127.0.0.1:1", RootDirectory = PackDirectory, ProgramDirectory = PackDirectory });
        var version = await client.GetPluginInfoAsync(new Empty());
        var info = await client.GetAnalyzerInfoAsync(new Empty());
        await client.ConfigureStackAsync(EngineRequests.ConfigureStack("acme", "kubespray-aws", "prod"));
        await client.ConfigureAsync(EngineRequests.Configure(info,
            $"{{\"kalc-iac-state\": {{\"awsState\": \"{ExamplePath("aws")}\", \"k8sState\": \"{ExamplePath("k8s")}\"}}}}"));
        var stack = EngineRequests.AnalyzeStack(ExamplePath("pulumi/analyze-stack.json"));
        var one = stack.Resources[0];
        var analyzed = await client.AnalyzeAsync(new AnalyzeRequest { Urn = one.Urn, Type = one.Type, Name = one.Name, Properties = one.Properties });
        var response = await client.AnalyzeStackAsync(stack);
        var remediated = await client.RemediateAsync(new AnalyzeRequest { Urn = one.Urn, Type = one.Type, Name = one.Name, Properties = one.Properties });

        Assert.Equal(Reporting.ToolInfo.Version, version.Version);
        Assert.Contains(info.Policies, p => p.Name == "kalc-iac-node-credentials" && p.EnforcementLevel == EnforcementLevel.Mandatory);
        Assert.Empty(analyzed.Diagnostics);
        Assert.Empty(remediated.Remediations);
        Assert.Equal("stack export --stack acme/kubespray-aws/prod", pulumi.LastArgs);
        var profiles = response.Diagnostics.Where(d => Diagnostic.RuleId(d) == "KIAC101").ToList();
        Assert.Equal(2, profiles.Count);
        Assert.All(profiles, d => Assert.Equal(EnforcementLevel.Mandatory, d.EnforcementLevel));
        Assert.Contains(profiles, d => d.Urn.EndsWith("::kube-worker", StringComparison.Ordinal) && Diagnostic.Line(d, "Nodes").Count == 4);
        await client.CancelAsync(new Empty());
    }

    private static Dictionary<string, string?> PathWith(FakePulumi pulumi) =>
        new() { ["PATH"] = pulumi.Directory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") };

    [Fact]
    public async Task Started_by_its_plugin_name_with_dot_in_the_pack_directory_it_serves_the_analyzer()
    {
        using var pulumi = FakePulumi.Exporting(ExamplePath("pulumi/stack-export.json"));
        using var plugin = PluginProcess.Start(LinkAsPlugin(BuiltBinary), ["127.0.0.1:1", "."], PackDirectory, PathWith(pulumi));

        await DriveLikeTheEngineAsync(plugin, pulumi);
    }

    [Fact]
    public async Task Started_as_pulumi_analyzer_ENGINE_ADDRESS_it_serves_the_analyzer()
    {
        using var pulumi = FakePulumi.Exporting(ExamplePath("pulumi/stack-export.json"));
        using var plugin = PluginProcess.Start(BuiltBinary, ["pulumi-analyzer", "127.0.0.1:1"], PackDirectory, PathWith(pulumi));

        await DriveLikeTheEngineAsync(plugin, pulumi);
    }

    [AotFact]
    public async Task The_aot_binary_serves_the_analyzer_under_its_plugin_name()
    {
        using var pulumi = FakePulumi.Exporting(ExamplePath("pulumi/stack-export.json"));
        using var plugin = PluginProcess.Start(LinkAsPlugin(AotBinary.Path!), ["127.0.0.1:1", "."], PackDirectory, PathWith(pulumi));

        await DriveLikeTheEngineAsync(plugin, pulumi);
    }

    [AotFact]
    public async Task The_aot_binary_serves_the_analyzer_as_pulumi_analyzer()
    {
        using var pulumi = FakePulumi.Exporting(ExamplePath("pulumi/stack-export.json"));
        using var plugin = PluginProcess.Start(AotBinary.Path!, ["pulumi-analyzer", "127.0.0.1:1"], PackDirectory, PathWith(pulumi));

        await DriveLikeTheEngineAsync(plugin, pulumi);
    }

    [Theory]
    [InlineData(new string[] { "pulumi-analyzer" }, "usage: kalc-iac pulumi-analyzer ENGINE_ADDRESS [DIR]")]
    [InlineData(new string[] { "pulumi-analyzer", "127.0.0.1:1", "/nonexistent-pack" }, "/nonexistent-pack: no such directory")]
    [InlineData(new string[] { "pulumi-analyzer", "127.0.0.1:1", ".", "-failOn=severe" }, "failOn: \"severe\" is not a severity")]
    public void Wrong_arguments_are_one_line_on_stderr_and_exit_2(string[] args, string message)
    {
        var run = CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Trim().Split('\n'));
        Assert.Empty(run.Stdout);
    }
}
