using Kalc.Iac.Core;
using Kalc.Iac.Analyzers.ClusterAccess;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Rules.ClusterAccess;

/// <summary>Builds the finding for the node roles one change leaves unauthenticated.</summary>
internal static class AccessFindings
{
    public static Finding Build(RuleDescriptor rule, IReadOnlyList<NodeAccessLoss> losses, string what)
    {
        var change = losses[0].CausedBy[0];
        var evidence = new List<Evidence>();
        foreach (var c in losses[0].CausedBy)
            evidence.Add(new($"the plan will {string.Join(" and ", c.Actions.Select(a => a.ToWire()))} {c.Type} {c.Address}", SourceRef.Of(From(c))));
        foreach (var loss in losses)
        {
            evidence.Add(new($"{loss.RoleArn} is used by {loss.UsedBy}: {loss.Evidence}", SourceRef.Analysis("EC2 and IAM state")));
            evidence.Add(new($"before: {loss.Before}", SourceRef.Analysis("cluster state")));
            evidence.Add(new($"after: {loss.After}", SourceRef.Of(From(change))));
        }
        evidence.Add(new("kubelets authenticate every API request with an IAM token for this role; EKS refuses a token whose role it does not map to the node groups, so the nodes go NotReady and pods on them are evicted; Fargate pods cannot start",
            SourceRef.Reference("https://docs.aws.amazon.com/eks/latest/userguide/auth-configmap.html")));
        evidence.Add(new("when: immediate — the authenticator reads aws-auth and access entries within seconds; kubelet tokens last 15 minutes",
            SourceRef.Reference("https://docs.aws.amazon.com/eks/latest/userguide/grant-k8s-access.html")));
        var nodes = losses.SelectMany(l => l.Nodes).Distinct(StringComparer.Ordinal).ToList();
        var fargate = losses.SelectMany(l => l.FargateProfiles).ToList();
        var components = new List<string> { "kubelet" };
        var message = $"{What(change)} {what}: {string.Join("; ", losses.Select(l => $"{l.RoleArn} ({l.UsedBy})"))} is no longer admitted as a node; " +
            $"{(nodes.Count > 0 ? $"the kubelets of {nodes.Count} node{(nodes.Count == 1 ? "" : "s")} ({string.Join(", ", nodes.Take(5))}{(nodes.Count > 5 ? ", ..." : "")}) will be refused" : "")}" +
            $"{(nodes.Count > 0 && fargate.Count > 0 ? " and " : "")}{(fargate.Count > 0 ? $"pods of Fargate profile {string.Join(", ", fargate)} cannot start" : "")}.";
        return new Finding
        {
            RuleId = rule.Id,
            Severity = rule.Severity,
            Title = rule.Title,
            Message = message,
            Change = new ChangeRef(change.Address, [.. change.Actions.Select(a => a.ToWire())]),
            Source = change.SourceLine is { } line ? new SourceRef(change.SourceFile, line) : null,
            Impact = new Impact
            {
                Components = [.. components],
                Instances = [.. losses.SelectMany(l => l.Instances).Distinct(StringComparer.Ordinal)],
                Nodes = [.. nodes],
                TimeToImpact = TimeToImpact.Immediate,
            },
            Evidence = [.. evidence],
            Remediation = rule.Remediation,
        };
    }

    public static string From(ResourceChange c) => c.Source.Line is { } l ? $"{c.Source.File}:{l}" : $"{c.Source.File} ({c.Address})";

    private static string What(ResourceChange c) => c.Address;
}
