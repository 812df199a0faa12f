using System.Diagnostics;
using Kalc.Iac.Bench.Generator.Aws;
using Kalc.Iac.Bench.Generator.Kube;
using Kalc.Iac.Bench.Generator.Plan;

namespace Kalc.Iac.Bench.Generator;

/// <summary>Writes a large, deterministic scenario for benchmarks: plan.json, aws/ dumps, k8s/ dumps and
/// scenario.json (what was generated and which changes must be reported as breaking).</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var (options, error) = GeneratorOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine(error);
            return args.Contains("--help") || args.Contains("-h") ? 0 : 2;
        }
        var clock = Stopwatch.StartNew();
        var scenario = new Scenario(options);
        var files = new JsonFile(options.Out);

        files.WriteStream("plan.json", stream => PlanWriter.Write(stream, scenario));
        files.Write("aws/iam-get-account-authorization-details.json", true, w => IamDumpWriter.Write(w, scenario));
        var planIndexOfInstance = scenario.PlanIndexOfInstance();
        for (var page = 0; page < Ec2DumpWriter.PageCount(scenario); page++)
            files.Write($"aws/ec2-describe-instances-{page + 1:D3}.json", true, w => Ec2DumpWriter.WriteInstancesPage(w, scenario, page, planIndexOfInstance));
        files.Write("aws/ec2-describe-vpcs.json", true, w => Ec2DumpWriter.WriteVpcs(w, scenario));
        files.Write("aws/ec2-describe-subnets.json", true, w => Ec2DumpWriter.WriteSubnets(w, scenario));
        files.Write("aws/ec2-describe-security-groups.json", true, w => Ec2DumpWriter.WriteSecurityGroups(w, scenario));
        files.Write("aws/eks-describe-cluster.json", true, w => Ec2DumpWriter.WriteCluster(w, scenario));
        files.Write("k8s/nodes.json", true, w => KubeDumpWriter.WriteNodes(w, scenario));
        files.Write("k8s/serviceaccounts.json", true, w => KubeDumpWriter.WriteServiceAccounts(w, scenario));
        files.Write("k8s/daemonsets.json", true, w => KubeDumpWriter.WriteDaemonSets(w, scenario));
        files.Write("k8s/deployments.json", true, w => KubeDumpWriter.WriteDeployments(w, scenario));
        files.Write("scenario.json", true, w => ScenarioSummary.Write(w, scenario));

        Console.Error.WriteLine(
            $"wrote {files.Files.Count} files, {files.BytesWritten / 1_000_000.0:F1} MB, {options.Resources + BreakingChanges.Addresses.Length} resource changes, " +
            $"{options.Instances} instances, {options.Nodes} nodes to {options.Out} in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
}
