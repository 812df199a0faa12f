using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Kalc.Iac.KubeModel.Tests.Live;
using Kalc.Iac.Tests.Live.Fakes;

namespace Kalc.Iac.Cli.Tests;

/// <summary>The Native AOT binary (the release build, trimmed) behaves exactly like the CLI the other tests run
/// in-process: same reports on every scenario, same live reads of the fake AWS account and Kubernetes API, same
/// one-line errors. Trimming or AOT breaking a reflection path would show here.</summary>
[Collection(nameof(CliProcessEnvironment))]
public sealed class AotBinaryTests
{
    private static readonly Dictionary<string, string?> NoEnv = [];

    [AotFact]
    public void Every_scenario_gives_the_same_report_from_the_aot_binary_as_in_process()
    {
        var compared = 0;
        foreach (var (scenario, plan) in ScenarioTests.Cases().Select(row => ((string)row[0], (string)row[1])))
        {
            var args = ScenarioTests.ArgumentsFor(scenario, plan);
            foreach (var format in new[] { "json", "text", "sarif", "markdown" })
            {
                string[] all = [.. args, "--format", format];
                var inProcess = CliRun.Of(all);
                var aot = AotBinary.Run(null, NoEnv, all);
                Assert.True(inProcess.ExitCode == aot.ExitCode, $"{scenario}/{plan} {format}: exit {aot.ExitCode} from the AOT binary, {inProcess.ExitCode} in process; {aot.Stderr}");
                Assert.Equal(inProcess.Stdout, aot.Stdout);
                compared++;
            }
        }
        Assert.True(compared >= 40, $"only {compared} runs compared");
    }

    [AotFact]
    public void Sarif_with_source_from_the_aot_binary_is_the_same_from_any_working_directory_as_in_process()
    {
        var example = Path.Combine(Kalc.Iac.Tests.RepoPaths.Root, "examples", "irsa-trust-mistake");
        string[] args = [Path.Combine(example, "plan.json"), "--aws-state", Path.Combine(example, "aws"), "--k8s-state", Path.Combine(example, "k8s"),
            "--source", Path.Combine(example, "terraform"), "--format", "sarif"];
        var inProcess = CliRun.Of(args);
        var elsewhere = Directory.CreateTempSubdirectory("kalc-aot-cwd-");
        try
        {
            foreach (var cwd in new[] { elsewhere.FullName, Path.Combine(example, "terraform") })
            {
                var aot = AotBinary.RunIn(cwd, null, NoEnv, args);
                Assert.True(inProcess.ExitCode == aot.ExitCode, $"from {cwd}: exit {aot.ExitCode} from the AOT binary, {inProcess.ExitCode} in process; {aot.Stderr}");
                Assert.Equal(inProcess.Stdout, aot.Stdout);
            }
            Assert.Contains("\"uri\": \"examples/irsa-trust-mistake/terraform/main.tf\"", inProcess.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            elsewhere.Delete(true);
        }
    }

    [AotFact]
    public async Task Live_aws_and_kubernetes_reads_work_in_the_aot_binary()
    {
        await using var aws = new FakeHttpServer(new FakeAwsAccount().Handle);
        await using var kube = new FakeHttpServer(new FakeKubeApi { Nodes = 7 }.Handle);
        var dir = Directory.CreateTempSubdirectory("kalc-aot-live-");
        try
        {
            var kubeconfig = Path.Combine(dir.FullName, "kubeconfig");
            await File.WriteAllTextAsync(kubeconfig, Kubeconfig(kube.Url));
            var env = new Dictionary<string, string?>
            {
                ["AWS_ENDPOINT_URL"] = aws.Url.AbsoluteUri,
                ["AWS_REGION"] = "us-west-2",
                ["AWS_ACCESS_KEY_ID"] = "AKIDENVEXAMPLE",
                ["AWS_SECRET_ACCESS_KEY"] = "envsecretEXAMPLEKEY",
                ["AWS_EC2_METADATA_DISABLED"] = "true",
                ["AWS_PROFILE"] = null,
                ["KUBECONFIG"] = kubeconfig,
                ["KALC_DEBUG"] = "1",
            };
            var plan = CliRun.Utf8(LiveCliTests.Plan);

            var live = AotBinary.Run(plan, env, "--aws-state", "live", "--k8s-state", "live", "--format", "json", "--quiet");
            var snapshot = AotBinary.Run(null, env, "snapshot", "--aws", "--k8s", "--out", dir.FullName);
            var offline = CliRun.WithStdin(plan, "--aws-state", Path.Combine(dir.FullName, "aws"), "--k8s-state", Path.Combine(dir.FullName, "k8s"), "--format", "json");

            Assert.True(live.ExitCode != ExitCodes.BadInput, live.Stderr);
            Assert.True(snapshot.ExitCode == ExitCodes.Ok, snapshot.Stderr);
            Assert.True(Directory.Exists(Path.Combine(dir.FullName, "k8s")) && Directory.GetFiles(Path.Combine(dir.FullName, "k8s")).Length > 0, "no Kubernetes snapshot: " + snapshot.Stderr + live.Stdout);
            Assert.True(offline.ExitCode != ExitCodes.BadInput, offline.Stderr);
            using var report = JsonDocument.Parse(live.Stdout);
            Assert.Equal("123456789012", report.RootElement.GetProperty("accountId").GetString());
            Assert.Equal(LiveCliTests.Summary(offline.Stdout), LiveCliTests.Summary(live.Stdout));
            Assert.Equal(7, JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.FullName, "k8s", "k8s_nodes.json"))).RootElement.GetProperty("items").GetArrayLength());
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [AotFact(NeedsHugePages = true)]
    public void The_data_the_runtime_rehydrates_at_start_up_is_backed_by_huge_pages()
    {
        // Native/startup-data.c advises the zero-filled data after the binary's file mappings (.bss, .hydrated) before
        // the runtime writes it. The binary waits on stdin, started; smaps shows the advice as VmFlags "hg".
        var binary = Path.GetFullPath(AotBinary.Path!);
        var start = new ProcessStartInfo(binary) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-");
        using var process = Process.Start(start)!;
        try
        {
            string[] flags = [];
            // Until exec has mapped the binary and its constructor has run (a few ms; at most ~10 s on a loaded machine).
            for (var attempt = 0; attempt < 200 && !flags.Contains("hg"); attempt++)
            {
                var mappings = Smaps.Of(process.Id.ToString(CultureInfo.InvariantCulture));
                var last = mappings.FindLastIndex(e => e.Mapping.Path == binary);
                if (last >= 0 && last + 1 < mappings.Count && mappings[last + 1].Mapping.Start == mappings[last].Mapping.End &&
                    mappings[last + 1].Mapping.IsAnonymousPrivate)
                    flags = mappings[last + 1].Flags;
                if (!flags.Contains("hg")) Thread.Sleep(50);
            }

            Assert.Contains("hg", flags);
        }
        finally
        {
            process.Kill();
            process.WaitForExit();
        }
    }

    [AotFact]
    public void The_dehydrated_data_the_runtime_read_at_start_up_is_not_resident_while_the_binary_runs()
    {
        // Native/startup-data.c drops the pages of the dehydrated data once Main runs (StartupData). The binary says how
        // much it released (KALC_TIMINGS) and waits on stdin; the released bytes must be missing from what is resident of
        // its read-only data mappings (smaps: Size against Rss).
        if (!OperatingSystem.IsLinux()) return;
        var binary = Path.GetFullPath(AotBinary.Path!);
        var start = new ProcessStartInfo(binary) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-");
        start.Environment["KALC_TIMINGS"] = "1";
        using var process = Process.Start(start)!;
        try
        {
            var read = process.StandardError.ReadLineAsync();
            Assert.True(read.Wait(TimeSpan.FromSeconds(60)), "no timing line from the binary");
            var line = read.Result ?? "";
            var match = System.Text.RegularExpressions.Regex.Match(line, @"^kalc-iac: timing start-up: .*start-up data released (\d+) KiB\)$");
            Assert.True(match.Success, line);
            var released = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) << 10;
            var (size, rss) = Smaps.ReadOnlySizeAndRss(process.Id.ToString(CultureInfo.InvariantCulture), binary);

            Assert.True(released >= 1 << 20, $"released {released} bytes");
            Assert.True(rss <= size - released, $"read-only data: {rss} bytes resident of {size}, {released} released");
        }
        finally
        {
            process.Kill();
            process.WaitForExit();
        }
    }

    internal static string Kubeconfig(Uri server) => FakeKubeApi.Kubeconfig(server);

    [AotFact]
    public void Bad_input_ends_in_one_line_and_exit_2_from_the_aot_binary()
    {
        var inputs = new Dictionary<string, byte[]>
        {
            ["lone surrogate"] = CliRun.Utf8("{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"a\\ud800\",\"type\":\"t\",\"name\":\"n\",\"change\":{\"actions\":[\"create\"]}}]}"),
            ["invalid utf-8"] = [(byte)'{', (byte)'"', 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}'],
            ["truncated"] = CliRun.Utf8("{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":"),
            ["deep nesting"] = CliRun.Utf8(new string('[', 100_000)),
        };
        foreach (var (what, bytes) in inputs)
        {
            var run = AotBinary.Run(bytes, NoEnv, "-");
            Assert.True(run.ExitCode == ExitCodes.BadInput, $"{what}: exit {run.ExitCode}; {run.Stderr}");
            Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
            Assert.StartsWith("kalc-iac: -", run.Stderr, StringComparison.Ordinal);
        }
    }
}
