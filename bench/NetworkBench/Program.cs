using Kalc.Iac.Analyzers.Mapping.Aws;
using System.Diagnostics;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Network;
using Kalc.Iac.Analyzers.Rules;
using Kalc.Iac.Analyzers.Rules.Networking;
using Kalc.Iac.AwsModel.Dumps;
using Kalc.Iac.KubeModel.Readers;
using Kalc.Iac.PlanParser.Terraform.Json;

// Measures what the node-networking analyses add to a run, on the generator's scenario (bench/Generator: 2,000 nodes,
// 502 security groups, --sg-rules rules). Reads plan.json, aws/ and k8s/ with the CLI's readers, builds the analysis
// context and the analyses every run shares (not timed), then times, five rounds each on a fresh context, the
// node-networking work alone: the flow analysis (KIAC501/502), the destroyed-or-replaced groups (KIAC503) and the
// three rules' Evaluate and MissingState. Run: dotnet run -c Release --project bench/NetworkBench -- bench/data
var dir = args.Length > 0 ? args[0] : "bench/data";
var sw = Stopwatch.StartNew();
var aws = AwsDumpDirectory.Read(Path.Combine(dir, "aws")).Unwrap();
var kube = KubeStateDirectory.Read(Path.Combine(dir, "k8s")).Unwrap();
var change = TerraformJsonPlanReader.Read(File.ReadAllBytes(Path.Combine(dir, "plan.json")), "plan.json").Unwrap();
var world = new World(aws, kube);
Console.WriteLine($"read: {change.ResourceChanges.Length} changes, {aws.Instances.Length} instances, {kube.Nodes.Length} nodes, " +
    $"{aws.SecurityGroups.Length} security groups, {aws.SecurityGroups.Sum(g => g.Rules.Length)} rules in {sw.ElapsedMilliseconds} ms");

IRule[] rules = [new NodeFlowBlocked(), new WebhookUnreachable(), new AttachedGroupRemoved()];
for (var round = 1; round <= 5; round++)
{
    var ctx = new AnalysisContext(world, change);
    ctx.ComputeShared();
    _ = ctx.Topology;
    sw.Restart();
    var network = NodeNetworkAnalysis.Run(ctx.Topology, ctx.Mapped, FlowCatalog.Default);
    var flows = sw.Elapsed.TotalMilliseconds;
    sw.Restart();
    var removed = SecurityGroupRemoval.Run(ctx.Topology, ctx.MappedOf<SecurityGroupChange>(), FlowCatalog.Default);
    var groups = sw.Elapsed.TotalMilliseconds;
    // The rules on a fresh context: they compute the two analyses themselves, as in a run.
    var fresh = new AnalysisContext(world, change);
    fresh.ComputeShared();
    _ = fresh.Topology;
    sw.Restart();
    var findings = rules.SelectMany(r => r.Evaluate(fresh)).ToList();
    var missing = rules.OfType<IRequiresState>().SelectMany(r => r.MissingState(fresh)).Count();
    var all = sw.Elapsed.TotalMilliseconds;
    Console.WriteLine($"round {round}: flow analysis {flows:F0} ms ({network.Losses.Length} lost flows); destroyed/replaced groups {groups:F0} ms " +
        $"({removed.Length} groups, {removed.Count(g => g.Attached)} carried by the cluster); KIAC501-503 end to end {all:F0} ms, " +
        $"{findings.Count} finding(s) [{string.Join(", ", findings.Select(f => $"{f.RuleId} {f.Change?.Address} {f.Impact.Nodes.Length} nodes"))}], {missing} missing-state line(s)");
}
return 0;
