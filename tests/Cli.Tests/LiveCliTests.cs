using System.Text.Json;
using Kalc.Iac.Tests.Live.Fakes;

namespace Kalc.Iac.Cli.Tests;

[CollectionDefinition(nameof(CliProcessEnvironment), DisableParallelization = true)]
public sealed class CliProcessEnvironment;

/// <summary>The user's path end to end: credentials, region and endpoint from the environment, `--aws-state live`,
/// and `snapshot` then `--aws-state DIR` giving the same answer. Process-global environment, so it runs alone.</summary>
[Collection(nameof(CliProcessEnvironment))]
public sealed class LiveCliTests
{
    internal const string Plan = """
        {"format_version":"1.2","terraform_version":"1.9.5","resource_changes":[
          {"address":"aws_iam_role.node","mode":"managed","type":"aws_iam_role","name":"node",
           "change":{"actions":["delete"],"before":{"name":"role-00000","arn":"arn:aws:iam::123456789012:role/role-00000"},"after":null,
                     "after_unknown":{},"before_sensitive":{},"after_sensitive":false}}]}
        """;

    [Fact]
    public async Task Live_and_snapshot_then_offline_give_the_same_report()
    {
        await using var server = new FakeHttpServer(new FakeAwsAccount().Handle);
        var names = new[] { "AWS_ENDPOINT_URL", "AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_EC2_METADATA_DISABLED", "AWS_PROFILE" };
        var saved = names.ToDictionary(n => n, Environment.GetEnvironmentVariable);
        var dir = Directory.CreateTempSubdirectory("kalc-cli-snapshot-");
        try
        {
            Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", server.Url.AbsoluteUri);
            Environment.SetEnvironmentVariable("AWS_REGION", "us-west-2");
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDENVEXAMPLE");
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "envsecretEXAMPLEKEY");
            Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
            Environment.SetEnvironmentVariable("AWS_PROFILE", null);
            var plan = CliRun.Utf8(Plan);

            var live = CliRun.WithStdin(plan, "--aws-state", "live", "--format", "json", "--quiet");
            var snapshot = CliRun.Of("snapshot", "--aws", "--out", dir.FullName, "--quiet");
            var offline = CliRun.WithStdin(plan, "--aws-state", Path.Combine(dir.FullName, "aws"), "--format", "json");

            Assert.Equal(ExitCodes.Ok, snapshot.ExitCode);
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(dir.FullName, "aws")));
            Assert.True(live.ExitCode != ExitCodes.BadInput, live.Stderr);
            Assert.Equal(live.ExitCode, offline.ExitCode);
            Assert.Equal(Summary(live.Stdout), Summary(offline.Stdout));
            Assert.Contains("\"accountId\": \"123456789012\"", live.Stdout);
            // The fake serves the AWS docs' truncated GetAccountAuthorizationDetails page: never "safe", in both paths.
            Assert.StartsWith("incomplete", Summary(live.Stdout));
        }
        finally
        {
            foreach (var (name, value) in saved) Environment.SetEnvironmentVariable(name, value);
            dir.Delete(true);
        }
    }

    [Fact]
    public async Task Kubernetes_live_state_is_read_through_the_kubeconfig_KUBECONFIG_names()
    {
        await using var kube = new FakeHttpServer(new Kalc.Iac.KubeModel.Tests.Live.FakeKubeApi { Nodes = 3 }.Handle);
        var saved = Environment.GetEnvironmentVariable("KUBECONFIG");
        var kubeconfig = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(kubeconfig, AotBinaryTests.Kubeconfig(kube.Url));
            Environment.SetEnvironmentVariable("KUBECONFIG", "/nonexistent/config" + Path.PathSeparator + kubeconfig);

            var run = CliRun.WithStdin(CliRun.Utf8(Plan), "--k8s-state", "live", "--format", "json", "--quiet");

            Assert.True(run.ExitCode != ExitCodes.BadInput, run.Stderr);
            Assert.DoesNotContain("NoKubeconfig", run.Stdout, StringComparison.Ordinal);
            Assert.Contains(kube.Requests, r => r.Path.StartsWith("/api/v1/nodes", StringComparison.Ordinal));
        }
        finally
        {
            Environment.SetEnvironmentVariable("KUBECONFIG", saved);
            File.Delete(kubeconfig);
        }
    }

    /// <summary>What the answer is, without the file names the evidence cites (live documents have no directory).</summary>
    internal static string Summary(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;
        var findings = r.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("ruleId")} {f.GetProperty("change").GetProperty("address")} {f.GetProperty("impact")}");
        return $"{r.GetProperty("verdict")} | {r.GetProperty("changes")} | {r.GetProperty("missing").GetArrayLength()} | {string.Join(" / ", findings)}";
    }
}
