using Kalc.Iac.Core;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Rules.ClusterAccess;

/// <summary>KIAC404: a human or CI principal loses system:masters through an aws-auth rewrite.</summary>
public sealed class AdminMappingRemoved : IRule
{
    public const string Id = "KIAC404";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "cluster-access",
        "aws-auth no longer grants system:masters to a role or user that had it",
        Severity.Medium,
        rationale: "Roles and users mapped to system:masters in aws-auth are how administrators and CI pipelines reach the cluster. " +
            "When a rewrite drops them, nothing running breaks, but the people and pipelines that deploy and repair the cluster " +
            "lose access - sometimes the very pipeline applying the change. Lower than a node finding: nothing stops running.",
        remediation: "Keep the mapping, or give the principal an access entry with AmazonEKSClusterAdminPolicy first.",
        "kube-apiserver")
        .Judging(["kubernetes_config_map", "kubernetes_config_map_v1", "kubernetes_config_map_v1_data", "aws_eks_access_entry"]);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        foreach (var loss in context.Access.AdminLosses)
        {
            var change = loss.CausedBy[^1];
            yield return new Finding
            {
                RuleId = Id,
                Severity = Rule.Severity,
                Title = Rule.Title,
                Message = $"{change.Address} rewrites kube-system/aws-auth without system:masters for {loss.Mapping.RoleArn} (username {loss.Mapping.Username ?? "(none)"}): it loses cluster-admin access.",
                Change = new ChangeRef(change.Address, [.. change.Actions.Select(a => a.ToWire())]),
                Source = change.Source.Line is { } line ? new SourceRef(change.Source.File, line) : null,
                Impact = new Impact { Components = ["kube-apiserver"], TimeToImpact = TimeToImpact.Immediate },
                Evidence =
                [
                    new($"the plan will {string.Join(" and ", change.Actions.Select(a => a.ToWire()))} {change.Type} {change.Address}", SourceRef.Of(AccessFindings.From(change))),
                    new($"before: aws-auth {loss.Mapping.Source.Path} maps {loss.Mapping.RoleArn} to {string.Join(", ", loss.Mapping.Groups)}", loss.Mapping.Source),
                    new("after: no mapping gives it system:masters", SourceRef.Of(AccessFindings.From(change))),
                ],
                Remediation = Rule.Remediation,
            };
        }
    }
}
