using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Cluster;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Core;
using Kalc.Iac.KubeModel.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Rules.NodeCredentials;

/// <summary>Builds one finding from the instances that lose credentials through one change: the nodes they are,
/// the components on those nodes that live on the node's credentials, and the evidence chain.</summary>
internal static class NodeCredentialFindings
{
    public static Finding Build(RuleDescriptor rule, AnalysisContext ctx, IReadOnlyList<CredentialLoss> losses, TimeToImpact when, string whatHappens)
    {
        var first = losses[0];
        var change = first.CausedBy.Change;
        var topology = ctx.Topology;
        var instances = losses.Select(l => l.Instance).DistinctBy(i => i.InstanceId).ToList();
        var nodes = instances.Select(i => topology.NodeOf(i.InstanceId)).OfType<KubeNode>().ToList();
        var nodeNames = nodes.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var affected = AffectedWorkloads(topology, nodeNames).ToList();

        var components = new List<string>();
        if (nodes.Count > 0) components.Add("kubelet");
        foreach (var w in affected) if (!components.Contains(w.ComponentName)) components.Add(w.ComponentName);

        var evidence = new List<Evidence>
        {
            Findings.PlanStep(change, whatHappens),
            new($"instance profile {first.Profile.Name} ({first.Profile.Arn}) holds role {first.RoleName}", first.Profile.Source),
            new($"{Count(instances.Count, "running instance")} use{(instances.Count == 1 ? "s" : "")} it: {Join(instances.Select(Describe))}", first.Instance.Source),
        };
        if (nodes.Count > 0)
        {
            var nodeFacts = nodes.Select(n => $"{n.Name}{(n.IsControlPlane ? " (control plane)" : "")}");
            var from = topology.NodesInferred ? SourceRef.Analysis("EC2 tags (no Kubernetes state given)") : nodes[0].Source;
            evidence.Add(new($"{(topology.NodesInferred ? "inferred from EC2 tags: " : "")}{Count(nodes.Count, "Kubernetes node")}: {Join(nodeFacts)}", from));
        }
        else
        {
            evidence.Add(new("none of these instances is a known Kubernetes node", SourceRef.Analysis(topology.NodesInferred ? "EC2 tags" : "Kubernetes state")));
        }
        if (nodes.Count > 0)
            evidence.Add(new($"kubelet on {Count(nodes.Count, "node")} authenticates to AWS with the node's instance profile", ComponentSource(ctx, "kubelet")));
        foreach (var group in affected.GroupBy(w => (w.ComponentName, w.Workload.IsStaticPod)))
        {
            var list = group.ToList();
            if (group.Key.IsStaticPod && list.Count > 1)
            {
                evidence.Add(new($"{group.Key.ComponentName} runs as static pods on {list.Count} of these nodes ({string.Join(", ", list.Select(w => w.Workload.NodeName))}), with the node's instance profile", list[0].Workload.Source));
                continue;
            }
            foreach (var w in list)
            {
                var where = w.Placement.Exact ? "runs on" : "may be scheduled on";
                evidence.Add(new($"{w.ComponentName} ({w.Workload.Key}) {where} these nodes; {w.Identity.Evidence}", w.Workload.Source));
            }
        }
        evidence.Add(new(Symptom(ctx, components), SourceRef.Catalog("kalc-iac component catalog " + ctx.Catalog.Version)));
        evidence.Add(new($"when: {when.ToWire()} — {WhenText(when)}", SourceRef.Reference("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html", "IAM User Guide")));

        var severity = nodes.Count == 0 ? Severity.Medium : rule.Severity;
        var message = $"{Capitalise(whatHappens)}: {Count(instances.Count, "running instance")}" +
            (nodes.Count > 0 ? $" ({Count(nodes.Count, "Kubernetes node")}{(nodes.Any(n => n.IsControlPlane) ? ", incl. control plane" : "")})" : "") +
            $" lose their AWS credentials; {Join(components.DefaultIfEmpty("applications on them"))} stop working with AWS.";

        return Findings.For(rule, change, message,
            new Impact
            {
                Components = [.. components],
                Instances = [.. instances.Select(i => i.InstanceId)],
                Nodes = [.. nodes.Select(n => n.Name)],
                ServiceAccounts = [.. affected.Where(w => !w.Workload.IsStaticPod).Select(w => $"{w.Workload.Namespace}/{w.Workload.ServiceAccountName}").Distinct()],
                TimeToImpact = when,
            },
            evidence, severity);
    }

    /// <summary>Where the catalog says how a component authenticates: its upstream source when the catalog names one.</summary>
    private static SourceRef ComponentSource(AnalysisContext ctx, string component) =>
        ctx.Catalog.Get(component)?.Source is { Length: > 0 } url ? SourceRef.Reference(url) : SourceRef.Catalog("kalc-iac component catalog " + ctx.Catalog.Version, component);

    /// <summary>Catalog components, and other workloads that show they call AWS, that run on the affected nodes with the node's credentials.</summary>
    private static IEnumerable<ClusterWorkload> AffectedWorkloads(ClusterTopology topology, HashSet<string> nodes)
    {
        foreach (var w in topology.Workloads)
        {
            if (w.Identity.Source != IdentitySource.Node) continue;
            if (!w.Placement.Nodes.Any(nodes.Contains)) continue;
            if (w.Component is null && !CallsAws(w.Workload)) continue;
            yield return w;
        }
    }

    /// <summary>A workload outside the catalog shows it calls AWS through SDK configuration in its environment.</summary>
    private static bool CallsAws(Workload w) =>
        w.EnvNames.Any(e => e is "AWS_REGION" or "AWS_DEFAULT_REGION" or "AWS_SDK_LOAD_CONFIG" or "AWS_STS_REGIONAL_ENDPOINTS");

    private static string Symptom(AnalysisContext ctx, List<string> components)
    {
        var parts = components.Select(c => ctx.Catalog.Get(c) is { } d ? $"{c}: {d.Symptom}" : $"{c}: its AWS API calls fail with credential errors");
        return "symptom: " + string.Join("; ", parts.DefaultIfEmpty("applications on these instances can no longer call AWS"));
    }

    private static string WhenText(TimeToImpact when) => when switch
    {
        TimeToImpact.Immediate => "the role and its permissions are gone as soon as apply runs",
        TimeToImpact.OnCredentialRefresh => "running instances keep their current temporary credentials until they expire (at most a few hours); the next refresh from IMDS fails",
        _ => when.ToWire(),
    };

    private static string Describe(AwsModel.Model.Ec2Instance i) =>
        i.NameTag is { } n ? $"{i.InstanceId} ({n})" : i.InstanceId;

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 6 ? string.Join(", ", list) : string.Join(", ", list.Take(6)) + $" and {list.Count - 6} more";
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
