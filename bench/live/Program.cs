using System.Diagnostics;
using System.Globalization;
using Amazon.Runtime;
using Kalc.Iac.AwsModel.Live;
using Kalc.Iac.AwsModel.Live.Signed;
using Kalc.Iac.KubeModel.Live;
using Kalc.Iac.KubeModel.Tests.Live;
using Kalc.Iac.Tests.Live.Fakes;

namespace Kalc.Iac.Bench.Live;

/// <summary>Reads a large fake account and cluster (5,000 roles, 10,000 instances, 2,000 nodes by default)
/// through local endpoints that add a fixed latency to every call, and prints the wall time of each read.
/// Usage: kalc-iac-live-bench [roles] [instances] [nodes] [latency-ms]</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
        var (roles, instances, nodes, latencyMs) = (Arg(0, 5000), Arg(1, 10000), Arg(2, 2000), Arg(3, 50));
        var latency = TimeSpan.FromMilliseconds(latencyMs);
        var account = new FakeAwsAccount { Roles = roles, Instances = instances, UseFixtures = false, PageSize = 1000 };
        await using var aws = new FakeHttpServer(account.Handle, latency);
        var api = new FakeKubeApi { Nodes = nodes };
        await using var kube = new FakeHttpServer(api.Handle, latency);
        var kubeconfig = Path.GetTempFileName();
        await File.WriteAllTextAsync(kubeconfig, LiveKubeFixture.Kubeconfig(kube.Url));
        try
        {
            var awsOptions = new LiveAwsOptions
            {
                Region = "us-east-1",
                Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "benchEXAMPLEKEY"),
                EndpointOverrides = new AwsEndpoints { Global = aws.Url },
            };
            var kubeOptions = new LiveKubeOptions { KubeconfigPath = kubeconfig };

            var total = Stopwatch.StartNew();
            var awsTime = Stopwatch.StartNew();
            var awsRead = LiveAwsReader.ReadAsync(awsOptions, null, CancellationToken.None)
                .ContinueWith(t => { awsTime.Stop(); return t.Result; }, TaskScheduler.Default);
            var kubeTime = Stopwatch.StartNew();
            var kubeRead = LiveKubeReader.ReadAsync(kubeOptions, null, CancellationToken.None)
                .ContinueWith(t => { kubeTime.Stop(); return t.Result; }, TaskScheduler.Default);
            var (awsResult, kubeResult) = (await awsRead, await kubeRead);
            total.Stop();

            var failures = awsResult.Failures.Concat(kubeResult.Failures).ToList();
            foreach (var f in failures) Console.Error.WriteLine("FAILED " + f);
            var bytes = awsResult.Documents.Concat(kubeResult.Documents).Sum(d => (long)d.Json.Length);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"roles={roles} instances={instances} nodes={nodes} latency={latencyMs}ms cores={Environment.ProcessorCount}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"aws: {awsTime.Elapsed.TotalSeconds:0.00} s, {aws.Requests.Count} requests; kubernetes: {kubeTime.Elapsed.TotalSeconds:0.00} s, {kube.Requests.Count} requests"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"total (both in parallel): {total.Elapsed.TotalSeconds:0.00} s, {bytes / 1024 / 1024} MiB of documents, failures={failures.Count}"));
            return failures.Count == 0 ? 0 : 1;
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }
}
