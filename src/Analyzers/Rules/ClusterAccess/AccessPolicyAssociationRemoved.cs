using Kalc.Iac.Analyzers.Mapping.Aws;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Rules.ClusterAccess;

/// <summary>KIAC406: a human or CI principal loses an EKS access policy (AmazonEKSClusterAdminPolicy, AmazonEKSAdminPolicy,
/// AmazonEKSEditPolicy, ...) because its aws_eks_access_policy_association, or the access entry it hangs on, is destroyed.</summary>
public sealed class AccessPolicyAssociationRemoved : IRule
{
    public const string Id = "KIAC406";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "cluster-access",
        "A principal loses an EKS access policy association",
        Severity.Medium,
        rationale: "Under authentication mode API or API_AND_CONFIG_MAP, administrators and CI pipelines reach the cluster through an " +
            "access entry and the access policies associated with it (AmazonEKSClusterAdminPolicy is cluster-admin). Destroying the " +
            "aws_eks_access_policy_association - or the access entry, which takes its associations with it - or replacing it with a " +
            "namespace scope takes that access away at once, sometimes from the very pipeline applying the change. Access entries " +
            "take precedence over aws-auth for the same principal, so an aws-auth mapping does not stand in. Nothing running " +
            "breaks: lower than a node finding, the same as a lost system:masters mapping (KIAC404).",
        remediation: "Keep the association (or create its replacement first), or give the principal another association with the " +
            "same policy and scope before removing this one; check `aws eks list-associated-access-policies` for the principal.",
        "kube-apiserver")
        .Judging(["aws_eks_access_policy_association", "aws_eks_access_entry"]) with
        {
            ReadsWhenRelevant = [StateNeed.AccessPolicyAssociations],
        };

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        var associations = context.MappedOf<AccessPolicyAssociationChange>().Where(c => c.Status == MappingStatus.Analysed).ToList();
        var created = associations.Where(c => c.Change.Kind is ChangeKind.Create or ChangeKind.Replace && c.After is not null).Select(c => c.After!).ToList();
        foreach (var c in associations)
        {
            if (!c.Change.IsDelete || c.Before is not { } before || before.PrincipalArn.Value is not { } principal || before.PolicyArn.Value is not { } policy) continue;
            var lost = before.ScopeType.Value ?? "cluster";
            if (created.Any(a => Same(a.PrincipalArn.Value, principal) && a.PolicyArn.Value == policy && (lost != "cluster" || a.ScopeType.Value is null or "cluster"))) continue;
            var why = c.Change.Kind == ChangeKind.Replace && c.After is { } after && Same(after.PrincipalArn.Value, principal) && after.PolicyArn.Value == policy
                ? "its replacement narrows the scope from cluster to namespace"
                : "it is destroyed";
            yield return Build(c.Change, principal, before.PolicyName ?? policy, lost, before.ClusterName.Value, why,
                new Evidence($"before: {principal} is associated with {policy} ({lost} scope) on cluster {before.ClusterName.Value ?? "(unknown)"}", SourceRef.Of(AccessFindings.From(c.Change))));
        }

        // An access entry destroyed takes its associations with it.
        var removedAssociations = associations.Where(c => c.Change.IsDelete).Select(c => c.Before?.PrincipalArn.Value).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var e in context.MappedOf<AccessEntryChange>())
        {
            if (e.Status != MappingStatus.Analysed || !e.Change.IsDelete || e.Before?.PrincipalArn.Value is not { } principal) continue;
            if (e.Change.Kind == ChangeKind.Replace) continue; // re-created with its associations by the same configuration
            if (removedAssociations.Contains(principal)) continue;
            foreach (var a in context.Before.Aws.AccessPolicyAssociations.Where(a => Same(a.PrincipalArn, principal) && (e.Before.ClusterName.Value is not { } cn || a.ClusterName == cn)))
                yield return Build(e.Change, principal, a.PolicyArn[(a.PolicyArn.LastIndexOf('/') + 1)..], a.ScopeType ?? "cluster", a.ClusterName,
                    "its access entry is destroyed, and the association with it",
                    new Evidence($"before: {principal} is associated with {a.PolicyArn} ({a.ScopeType ?? "cluster"} scope)", a.Source));
        }
    }

    private static Finding Build(ResourceChange change, string principal, string policy, string scope, string? cluster, string why, Evidence before) => new()
    {
        RuleId = Id,
        Severity = Rule.Severity,
        Title = Rule.Title,
        Message = $"{change.Address}: {principal} loses {policy} ({scope} scope) on cluster {cluster ?? "(unknown)"} - {why}; it can no longer do what that policy allowed in the cluster.",
        Change = new ChangeRef(change.Address, [.. change.Actions.Select(a => a.ToWire())]),
        Source = change.SourceLine is { } line ? new SourceRef(change.SourceFile, line) : null,
        Impact = new Impact { Components = ["kube-apiserver"], TimeToImpact = TimeToImpact.Immediate },
        Evidence =
        [
            new($"the plan will {string.Join(" and ", change.Actions.Select(a => a.ToWire()))} {change.Type} {change.Address}", SourceRef.Of(AccessFindings.From(change))),
            before,
            new($"after: {why}", SourceRef.Of(AccessFindings.From(change))),
            new("EKS authorizes a principal's requests with the access policies associated with its access entry; access entries take precedence over aws-auth for the same principal",
                SourceRef.Reference("https://docs.aws.amazon.com/eks/latest/userguide/access-policies.html")),
        ],
        Remediation = Rule.Remediation,
    };

    private static bool Same(string? a, string? b) => a is not null && b is not null &&
        string.Equals(Kalc.Iac.Analyzers.ClusterAccess.NodeAccessAnalysis.Canonical(a), Kalc.Iac.Analyzers.ClusterAccess.NodeAccessAnalysis.Canonical(b), StringComparison.OrdinalIgnoreCase);
}
