using Kalc.Iac.Core;
using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Network;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Rules.Networking;

/// <summary>Builds one finding from the blocked flows one set of changes causes: the endpoints, the rules that allowed the
/// flow before, why nothing allows it after, what stops, and the catalog's source.</summary>
internal static class NetworkFindings
{
    public static Finding Build(RuleDescriptor rule, IReadOnlyList<FlowLoss> losses, Severity severity, string message, IEnumerable<Evidence> extra)
    {
        var first = losses[0];
        var change = first.CausedBy[0];
        var evidence = new List<Evidence>();
        foreach (var c in first.CausedBy)
            evidence.Add(new($"the plan will {string.Join(" and ", c.Actions.Select(a => a.ToWire()))} {c.Type} {c.Address}", SourceRef.Of(c.Source.Line is { } l ? $"{c.Source.File}:{l}" : c.Source.File)));
        foreach (var loss in losses.DistinctBy(l => (l.Source.Name, l.Destination.Name, l.Port)))
        {
            evidence.Add(new($"before: {loss.Flow.Describe(loss.Port)} from {loss.Source.Name} to {loss.Destination.Name} is allowed by {Allowing(loss.Before)}",
                SourceRef.Of(loss.Before.Ingress?.Source.ToString() ?? loss.Before.Egress?.Source.ToString() ?? "security group state")));
            evidence.Add(new($"after: no {(loss.After.Ingress is null ? "ingress rule of " + string.Join(", ", loss.Destination.GroupIds) : "egress rule of " + string.Join(", ", loss.Source.GroupIds))} allows it",
                SourceRef.Analysis("security group rules after the change")));
        }
        evidence.AddRange(extra);
        evidence.Add(new($"what stops: {first.Flow.Breaks}", SourceRef.Of(first.Flow.SourceLink)));
        evidence.Add(new("when: immediate — security group changes apply to new connections as soon as they are made", SourceRef.Reference("https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html")));
        var nodes = losses.SelectMany(l => l.Destination.Nodes.Concat(l.Source.Nodes)).Distinct(StringComparer.Ordinal).ToList();
        var instances = losses.SelectMany(l => l.Destination.Instances.Concat(l.Source.Instances)).Distinct(StringComparer.Ordinal).ToList();
        return new Finding
        {
            RuleId = rule.Id,
            Severity = severity,
            Title = rule.Title,
            Message = message,
            Change = new ChangeRef(change.Address, [.. change.Actions.Select(a => a.ToWire())]),
            Source = change.SourceLine is { } line ? new SourceRef(change.SourceFile, line) : null,
            Impact = new Impact
            {
                Components = [.. losses.Select(l => l.Flow.Component).Distinct(StringComparer.Ordinal)],
                Instances = [.. instances],
                Nodes = [.. nodes],
                ServiceAccounts = [.. losses.Where(l => l.Target is not null).SelectMany(l => l.Target!.Workloads)
                    .Select(w => $"{w.Namespace}/{w.ServiceAccountName}").Distinct(StringComparer.Ordinal)],
                TimeToImpact = TimeToImpact.Immediate,
            },
            Evidence = [.. evidence],
            Remediation = rule.Remediation,
        };
    }

    private static string Allowing(ReachResult r) =>
        string.Join(" and ", new[] { r.Ingress, r.Egress }.OfType<SecurityGroupRule>().Select(Describe));

    public static string Describe(SecurityGroupRule r) =>
        $"{(r.Egress ? "egress" : "ingress")} rule of {r.GroupId} ({(r.Protocol == IpProtocols.All ? "all traffic" : r.FromPort is null or -1 ? r.Protocol : r.FromPort == r.ToPort ? $"{r.Protocol} {r.FromPort}" : $"{r.Protocol} {r.FromPort}-{r.ToPort}")} {(r.Egress ? "to" : "from")} {r.Peer})";

    /// <summary>Losses grouped by the changes that cause them, in plan order.</summary>
    public static IEnumerable<IGrouping<string, FlowLoss>> ByChanges(IEnumerable<FlowLoss> losses) =>
        losses.GroupBy(l => string.Join(",", l.CausedBy.Select(c => c.Address)), StringComparer.Ordinal);

    public static string Changes(ImmutableArray<ResourceChange> changes) => NodeNetworkAnalysis.Addresses(changes);
}
