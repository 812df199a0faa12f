using System.Diagnostics;
using System.Collections.Immutable;
using Kalc.Iac.Analyzers;
using Kalc.Iac.Analyzers.Catalog;
using Kalc.Iac.Analyzers.Cluster;
using Kalc.Iac.Analyzers.Rules.Permissions;
using Kalc.Iac.AwsModel.Iam;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;
using Kalc.Iac.Bench.Permissions;

// Measures permission evaluation at the size issue 3 names. Run: dotnet run -c Release --project bench/PermissionBench
var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "Kalc.Iac.sln"))) root = root.Parent;
if (root is null) { Console.Error.WriteLine("run inside the repository"); return 2; }

var sw = Stopwatch.StartNew();
var world = SyntheticAccount.Build(root.FullName);
Console.WriteLine($"generated: {world.Aws.Roles.Length} roles, {world.Aws.Policies.Length} managed policies, {world.Kube.Nodes.Length} nodes in {sw.ElapsedMilliseconds} ms");

for (var round = 1; round <= 3; round++)
{
    // 1. Every (component, action) requirement of every principal, evaluated against the whole account twice (before and after),
    //    with fresh indexes and no shortcut for untouched roles: the worst case.
    sw.Restart();
    var topology = new ClusterTopology(world, ComponentCatalog.Default);
    var principals = PrincipalResolver.Resolve(topology, RequirementCatalog.Default);
    var resolve = sw.Elapsed.TotalMilliseconds;
    var documents = new PolicyDocumentCache();
    var before = new RolePermissionIndex(world.Aws.Roles, world.Aws.Policies, documents: documents);
    var after = new RolePermissionIndex(world.Aws.Roles, world.Aws.Policies, documents: documents);
    var evaluations = 0;
    var allowed = 0;
    foreach (var p in principals)
    {
        foreach (var r in p.Requirements.Requirements)
        {
            if (RequirementRequest.Evaluate(before, p.Role.Arn, r).IsAllowed) allowed++;
            RequirementRequest.Evaluate(after, p.Role.Arn, r);
            evaluations += 2;
        }
    }
    var full = sw.Elapsed.TotalMilliseconds;
    var covered = principals.Sum(p => (long)p.Requirements.Requirements.Length * Math.Max(1, p.Nodes.Length));

    // 2. The whole analysis (projection, topology, every rule) of a plan that detaches AmazonEKS_CNI_Policy from one node group role.
    sw.Restart();
    var detach = new ResourceChange
    {
        Address = "aws_iam_role_policy_attachment.cni", Type = "aws_iam_role_policy_attachment", Name = "cni", Actions = [ChangeAction.Delete],
        Before = new PlanObject(ImmutableDictionary<string, PlanValue>.Empty.Add("role", new PlanString("node-group-3")).Add("policy_arn", new PlanString("arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy"))),
        After = PlanValue.Null, Source = SourceRef.Of("bench"),
    };
    var report = Analyzer.Run(world, new Change { Kind = InputKind.TerraformJson, File = "bench", ResourceChanges = [detach] });
    var analysis = sw.Elapsed.TotalMilliseconds;

    Console.WriteLine($"round {round}: {principals.Length} (component, role) principals resolved in {resolve:F0} ms; " +
        $"{evaluations} requirement evaluations ({allowed} allowed before) covering {covered} (node, component, action) requirements in {full:F0} ms total; " +
        $"full analysis of a CNI detach: {analysis:F0} ms, {report.Findings.Length} finding(s) [{string.Join(", ", report.Findings.Select(f => f.RuleId + " " + string.Join("/", f.Impact.Components)))}]");
}
return 0;
