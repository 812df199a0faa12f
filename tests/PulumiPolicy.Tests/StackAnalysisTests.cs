using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Kalc.Iac.PulumiPolicy.Tests.Engine;
using Pulumirpc;

namespace Kalc.Iac.PulumiPolicy.Tests;

/// <summary>The pack as the engine drives it during <c>pulumi preview --policy-pack</c>: ConfigureStack, Configure,
/// Analyze per resource, AnalyzeStack at the end; the stack before the update from a fake <c>pulumi</c> on PATH.</summary>
public class StackAnalysisTests
{
    private static string Example(string name, string rel = "") => Path.Combine(Fixtures.Root, "examples", name, rel);

    private static string StateConfig(string example, string extra = "")
    {
        var aws = Directory.Exists(Example(example, "aws")) ? $"\"awsState\": \"{Example(example, "aws")}\", " : "";
        return $"{{\"kalc-iac-state\": {{{aws}\"k8sState\": \"{Example(example, "k8s")}\"}}{extra}}}";
    }

    private static async Task<AnalyzeResponse> RunStackAsync(InProcessPack pack, string example, string config)
    {
        var info = await pack.Client.GetAnalyzerInfoAsync(new Empty());
        await pack.Client.ConfigureStackAsync(EngineRequests.ConfigureStack("acme", "kubespray-aws", "prod"));
        await pack.Client.ConfigureAsync(EngineRequests.Configure(info, config));
        return await pack.Client.AnalyzeStackAsync(EngineRequests.AnalyzeStack(Example(example, "pulumi/analyze-stack.json")));
    }

    /// <summary>A pack the engine has configured for the example's stack and state, its previous stack from <paramref name="pulumi"/>.</summary>
    private static async Task<InProcessPack> ConfiguredAsync(string example, FakePulumi pulumi)
    {
        var pack = await InProcessPack.StartAsync(Fixtures.Root, pulumi.Directory);
        var info = await pack.Client.GetAnalyzerInfoAsync(new Empty());
        await pack.Client.ConfigureStackAsync(EngineRequests.ConfigureStack("acme", "eks-prod", "prod"));
        await pack.Client.ConfigureAsync(EngineRequests.Configure(info, StateConfig(example)));
        return pack;
    }

    [Fact]
    public async Task Deleted_instance_profiles_fail_the_preview_naming_the_gone_urn_the_nodes_and_the_components()
    {
        using var pulumi = FakePulumi.Exporting(Example("kubespray-iam-teardown", "pulumi/stack-export.json"));
        await using var pack = await InProcessPack.StartAsync(Fixtures.Root, pulumi.Directory);

        var response = await RunStackAsync(pack, "kubespray-iam-teardown", StateConfig("kubespray-iam-teardown"));

        Assert.Equal("stack export --stack acme/kubespray-aws/prod", pulumi.LastArgs);
        var worker = response.Diagnostics.Single(d => Diagnostic.RuleId(d) == "KIAC101" && d.Urn.EndsWith("::kube-worker", StringComparison.Ordinal));
        Assert.Equal("kalc-iac-node-credentials", worker.PolicyName);
        Assert.Equal(EnforcementLevel.Mandatory, worker.EnforcementLevel);
        Assert.Equal("urn:pulumi:prod::kubespray-aws::aws:iam/instanceProfile:InstanceProfile::kube-worker", worker.Urn);
        Assert.Contains("Resource: urn:pulumi:prod::kubespray-aws::aws:iam/instanceProfile:InstanceProfile::kube-worker (removed from the stack by this update)", worker.Message, StringComparison.Ordinal);
        Assert.Equal(["kubelet", "ebs-csi-node", "ebs-csi-controller", "service-account:shop/orders-api"], Diagnostic.Line(worker, "Components"));
        Assert.Equal(4, Diagnostic.Line(worker, "Nodes").Count);
        Assert.Contains("\nFix: ", worker.Message, StringComparison.Ordinal);
        Assert.Contains(response.Diagnostics, d => Diagnostic.RuleId(d) == "KIAC102" && d.EnforcementLevel == EnforcementLevel.Mandatory);
        Assert.DoesNotContain(response.Diagnostics, d => d.PolicyName == "kalc-iac-state");
    }

    [Fact]
    public async Task A_failed_stack_export_is_an_advisory_saying_why_never_a_silent_pass()
    {
        using var pulumi = FakePulumi.Failing("error: no stack named acme/kubespray-aws/prod found", 255);
        await using var pack = await InProcessPack.StartAsync(Fixtures.Root, pulumi.Directory);

        var response = await RunStackAsync(pack, "kubespray-iam-teardown", StateConfig("kubespray-iam-teardown"));

        var state = Assert.Single(response.Diagnostics, d => d.PolicyName == "kalc-iac-state");
        Assert.Equal(EnforcementLevel.Advisory, state.EnforcementLevel);
        Assert.Contains("`pulumi stack export --stack acme/kubespray-aws/prod` failed (exit 255): error: no stack named", state.Message, StringComparison.Ordinal);
        Assert.Contains("deletions and replacements cannot be seen", state.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(response.Diagnostics, d => Diagnostic.RuleId(d) == "KIAC101");
    }

    [Fact]
    public async Task No_pulumi_on_PATH_and_no_AWS_state_are_said_in_an_advisory()
    {
        var empty = Directory.CreateTempSubdirectory("kalc-empty-path").FullName;
        await using var pack = await InProcessPack.StartAsync(Fixtures.Root, empty);

        var response = await RunStackAsync(pack, "cni-policy-detach", "{}");

        var state = Assert.Single(response.Diagnostics, d => d.PolicyName == "kalc-iac-state");
        Assert.Contains("no pulumi on PATH", state.Message, StringComparison.Ordinal);
        Assert.Contains("no AWS state given", state.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_state_policy_made_mandatory_fails_an_update_that_cannot_be_judged()
    {
        await using var pack = await InProcessPack.StartAsync(Fixtures.Root, Path.GetTempPath());

        var response = await RunStackAsync(pack, "cni-policy-detach", "{\"kalc-iac-state\": \"mandatory\"}");

        Assert.Equal(EnforcementLevel.Mandatory, Assert.Single(response.Diagnostics, d => d.PolicyName == "kalc-iac-state").EnforcementLevel);
    }

    [Fact]
    public async Task A_stack_export_file_in_config_is_used_instead_of_running_pulumi()
    {
        await using var pack = await InProcessPack.StartAsync(Fixtures.Root, Path.GetTempPath());
        var config = StateConfig("cni-policy-detach", $", \"all\": {{\"stackExport\": \"{Example("cni-policy-detach", "pulumi/stack-export.json")}\"}}");

        var response = await RunStackAsync(pack, "cni-policy-detach", config);

        var d = Assert.Single(response.Diagnostics, d => d.PolicyName != "kalc-iac-state");
        Assert.Equal("KIAC204", Diagnostic.RuleId(d));
        Assert.Equal(["aws-node"], Diagnostic.Line(d, "Components"));
        Assert.Equal("kalc-iac-iam-permissions", d.PolicyName);
    }

    [Theory]
    [InlineData("{\"kalc-iac-node-credentials\": \"advisory\"}", EnforcementLevel.Advisory)]
    [InlineData("{\"all\": \"advisory\"}", EnforcementLevel.Advisory)]
    [InlineData("{\"all\": \"advisory\", \"kalc-iac-node-credentials\": \"mandatory\"}", EnforcementLevel.Mandatory)]
    [InlineData("{\"kalc-iac-state\": {\"failOn\": \"critical\"}}", EnforcementLevel.Mandatory)]
    public async Task Enforcement_comes_from_the_policy_level_and_failOn(string levels, EnforcementLevel expectedForCritical)
    {
        using var pulumi = FakePulumi.Exporting(Example("kubespray-iam-teardown", "pulumi/stack-export.json"));
        await using var pack = await InProcessPack.StartAsync(Fixtures.Root, pulumi.Directory);
        var info = await pack.Client.GetAnalyzerInfoAsync(new Empty());
        await pack.Client.ConfigureStackAsync(EngineRequests.ConfigureStack("acme", "kubespray-aws", "prod"));
        var configure = EngineRequests.Configure(info, levels);
        var state = EngineRequests.Configure(info, StateConfig("kubespray-iam-teardown")).PolicyConfig["kalc-iac-state"].Properties;
        foreach (var (k, v) in state.Fields) (configure.PolicyConfig["kalc-iac-state"].Properties ??= new Struct()).Fields[k] = v;
        await pack.Client.ConfigureAsync(configure);

        var response = await pack.Client.AnalyzeStackAsync(EngineRequests.AnalyzeStack(Example("kubespray-iam-teardown", "pulumi/analyze-stack.json")));

        var critical = response.Diagnostics.Where(d => d.Severity == PolicySeverity.Critical).ToList();
        Assert.NotEmpty(critical);
        Assert.All(critical, d => Assert.Equal(expectedForCritical, d.EnforcementLevel));
    }

    [Fact]
    public async Task A_disabled_policy_and_a_disabled_rule_report_nothing()
    {
        using var pulumi = FakePulumi.Exporting(Example("kubespray-iam-teardown", "pulumi/stack-export.json"));
        await using var pack = await InProcessPack.StartAsync(Fixtures.Root, pulumi.Directory);
        var config = StateConfig("kubespray-iam-teardown").TrimEnd('}') + ", \"disable\": [\"KIAC102\"]}, \"kalc-iac-iam-permissions\": \"disabled\"}";

        var response = await RunStackAsync(pack, "kubespray-iam-teardown", config);

        Assert.Contains(response.Diagnostics, d => Diagnostic.RuleId(d) == "KIAC101");
        Assert.DoesNotContain(response.Diagnostics, d => Diagnostic.RuleId(d) == "KIAC102");
        Assert.DoesNotContain(response.Diagnostics, d => d.PolicyName == "kalc-iac-iam-permissions");
    }

    [Fact]
    public async Task An_unknown_rule_in_disable_stops_the_engine_with_InvalidArgument()
    {
        await using var pack = await InProcessPack.StartAsync(Fixtures.Root, null);
        var info = await pack.Client.GetAnalyzerInfoAsync(new Empty());

        var e = await Assert.ThrowsAsync<RpcException>(async () =>
            await pack.Client.ConfigureAsync(EngineRequests.Configure(info, "{\"kalc-iac-state\": {\"disable\": [\"KIAC999\"]}}")));

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains("disable: no rule KIAC999", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_state_directory_stops_the_engine_with_InvalidArgument_naming_it()
    {
        await using var pack = await InProcessPack.StartAsync(Fixtures.Root, Path.GetTempPath());

        var e = await Assert.ThrowsAsync<RpcException>(() =>
            RunStackAsync(pack, "cni-policy-detach", "{\"kalc-iac-state\": {\"k8sState\": \"/nonexistent/k8s\"}}"));

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains("/nonexistent/k8s", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_finds_what_a_trust_policy_change_breaks_and_AnalyzeStack_does_not_repeat_it()
    {
        const string example = "irsa-trust-mistake";
        using var pulumi = FakePulumi.Exporting(Example(example, "pulumi/stack-export.json"));
        await using var pack = await ConfiguredAsync(example, pulumi);
        var stack = EngineRequests.AnalyzeStack(Example(example, "pulumi/analyze-stack.json"));
        var role = stack.Resources.Single(r => r.Type == "aws:iam/role:Role");
        var inputs = new Struct();
        foreach (var key in new[] { "assumeRolePolicy", "name", "path", "maxSessionDuration" }) inputs.Fields[key] = role.Properties.Fields[key];

        var analyzed = await pack.Client.AnalyzeAsync(EngineRequests.Analyze(role.Urn, role.Type, inputs));
        var atEnd = await pack.Client.AnalyzeStackAsync(stack);

        var d = Assert.Single(analyzed.Diagnostics);
        Assert.Equal("KIAC201", Diagnostic.RuleId(d));
        Assert.Equal(role.Urn, d.Urn);
        Assert.Equal(["external-dns"], Diagnostic.Line(d, "Components"));
        Assert.DoesNotContain("removed from the stack", d.Message, StringComparison.Ordinal);
        Assert.Empty(atEnd.Diagnostics);
    }

    [Fact]
    public async Task Analyze_of_a_resource_whose_inputs_did_not_change_reports_nothing()
    {
        const string example = "irsa-trust-mistake";
        using var pulumi = FakePulumi.Exporting(Example(example, "pulumi/stack-export.json"));
        await using var pack = await ConfiguredAsync(example, pulumi);
        var export = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Example(example, "pulumi/stack-export.json")));
        var old = export.RootElement.GetProperty("deployment").GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "aws:iam/role:Role");
        var inputs = Google.Protobuf.JsonParser.Default.Parse<Struct>(old.GetProperty("inputs").GetRawText());

        var analyzed = await pack.Client.AnalyzeAsync(EngineRequests.Analyze(old.GetProperty("urn").GetString()!, "aws:iam/role:Role", inputs));

        Assert.Empty(analyzed.Diagnostics);
    }
}
