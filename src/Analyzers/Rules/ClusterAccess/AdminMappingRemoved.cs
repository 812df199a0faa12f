using Kalc.Iac.Analyzers.ClusterAccess;
using Kalc.Iac.Core;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Mapping.Kubernetes;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Rules.ClusterAccess;

/// <summary>KIAC404: a human or CI principal loses system:masters through an aws-auth rewrite.</summary>
public sealed class AdminMappingRemoved : IRule, IRequiresState
{
    public const string Id = "KIAC404";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "cluster-access",
        "aws-auth no longer grants system:masters to a role or user that had it",
        Severity.Medium,
        rationale: "Roles and users mapped to system:masters in aws-auth are how administrators and CI pipelines reach the cluster. " +
            "When a rewrite drops them, nothing running breaks, but the people and pipelines that deploy and repair the cluster " +
            "lose access - sometimes the very pipeline applying the change. A switch of the cluster's authentication mode to API " +
            "does the same to every system:masters mapping without an access entry. Lower than a node finding: nothing stops running.",
        remediation: "Keep the mapping, or give the principal an access entry with AmazonEKSClusterAdminPolicy first.",
        "kube-apiserver")
        .Judging(["kubernetes_config_map", "kubernetes_config_map_v1", "kubernetes_config_map_v1_data", "helm_release", "aws_eks_access_entry", "aws_eks_cluster"])
        with { ReadsWhenRelevant = [StateNeed.ConfigMaps] };

    public RuleDescriptor Descriptor => Rule;

    /// <summary>Who held system:masters before an aws-auth rewrite is read from the live ConfigMap (the plan's before holds
    /// only what it manages, never mapUsers it does not).</summary>
    public IEnumerable<string> MissingState(AnalysisContext context) =>
        context.MappedOf<ConfigMapChange>().FirstOrDefault(c => c.IsAwsAuth && c.Change.Kind is not (ChangeKind.NoOp or ChangeKind.Read or ChangeKind.Create)) is { } aws
            ? AccessState.NotGiven(context, Rule.ReadsWhenRelevant, $"the plan rewrites kube-system/aws-auth ({aws.Change.Address}); who held system:masters before is read from it")
            : [];

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        foreach (var loss in context.Analysis<NodeAccessAnalysis>().AdminLosses)
        {
            var change = loss.CausedBy[^1];
            yield return new Finding
            {
                RuleId = Id,
                Severity = Rule.Severity,
                Title = Rule.Title,
                Message = change.Type == "aws_eks_cluster"
                    ? $"{change.Address} switches the cluster's authentication mode to API, so aws-auth stops counting: {loss.Mapping.RoleArn} (username {loss.Mapping.Username ?? "(none)"}) holds system:masters only there and has no access entry; it loses cluster-admin access."
                    : $"{change.Address} rewrites kube-system/aws-auth without system:masters for {loss.Mapping.RoleArn} (username {loss.Mapping.Username ?? "(none)"}): it loses cluster-admin access.",
                Change = new ChangeRef(change.Address, [.. change.Actions.Select(a => a.ToWire())]),
                Source = change.SourceLine is { } line ? new SourceRef(change.SourceFile, line) : null,
                Impact = new Impact { Components = ["kube-apiserver"], TimeToImpact = TimeToImpact.Immediate },
                Evidence =
                [
                    new($"the plan will {string.Join(" and ", change.Actions.Select(a => a.ToWire()))} {change.Type} {change.Address}", SourceRef.Of(AccessFindings.From(change))),
                    new($"before: aws-auth {loss.Mapping.Source.Path} maps {loss.Mapping.RoleArn} to {string.Join(", ", loss.Mapping.Groups)}", loss.Mapping.Source),
                    new(change.Type == "aws_eks_cluster" ? "after: authentication mode API reads access entries only, and none names it" : "after: no mapping gives it system:masters", SourceRef.Of(AccessFindings.From(change))),
                ],
                Remediation = Rule.Remediation,
            };
        }
    }
}
