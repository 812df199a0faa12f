using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.Analyzers.Rules.Permissions;

/// <summary>KIAC202: the cluster's IAM OIDC provider is destroyed, replaced under another URL, or stops listing sts.amazonaws.com,
/// under every IRSA role that trusts it.</summary>
public sealed class OidcProviderRemoved : IRule
{
    public const string Id = "KIAC202";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "iam-permissions",
        "IAM OIDC provider of the cluster is removed under the IRSA roles that trust it",
        Severity.Critical,
        rationale: "Every IRSA role's trust policy names the cluster's IAM OIDC provider as its Federated principal. Without the provider " +
            "(or with sts.amazonaws.com gone from its client ids) STS rejects every service-account token of the cluster, so every " +
            "IRSA workload loses AWS access at once.",
        remediation: "Do not destroy or replace the OIDC provider of a running cluster. If it must be recreated, keep the same URL and " +
            "client id sts.amazonaws.com and use create_before_destroy; never drop sts.amazonaws.com from client_id_list.",
        "service-account:*", "aws-load-balancer-controller", "external-dns", "ebs-csi-controller", "efs-csi-controller", "cluster-autoscaler", "karpenter")
        .Judging(["aws_iam_openid_connect_provider"], StateNeed.Iam, StateNeed.ServiceAccounts, StateNeed.Workloads);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        var relevant = context.Permissions.Trust.Breaks.Where(b => b.Kind is TrustBreakKind.OidcProviderRemoved or TrustBreakKind.OidcAudienceDropped);
        foreach (var group in relevant.GroupBy(b => b.Cause!.Change.Address))
        {
            var list = group.ToList();
            var cause = list[0].Cause;
            var what = list[0].Kind == TrustBreakKind.OidcAudienceDropped
                ? "the OIDC provider no longer lists client id sts.amazonaws.com"
                : "the cluster's IAM OIDC provider is removed";
            var components = list.SelectMany(b => b.Components).Distinct(StringComparer.Ordinal).ToList();
            var sas = list.SelectMany(b => PermissionFindings.ServiceAccountsOf(b).AsEnumerable()).Distinct(StringComparer.Ordinal).ToList();
            var evidence = new List<Evidence> { PermissionFindings.PlanStep(context, cause, what) };
            foreach (var b in list)
                evidence.Add(new($"{b.ServiceAccount} uses role {b.RoleArn}, whose trust admits it only through that provider ({PermissionFindings.Describe(b.Before)})", PermissionFindings.TrustBefore));
            evidence.Add(new("when: immediate for new pods; running pods at their next credential refresh (up to 1 hour)", SourceRef.Reference("https://docs.aws.amazon.com/eks/latest/userguide/enable-iam-roles-for-service-accounts.html")));
            yield return Findings.For(Rule, cause?.Change,
                $"{IrsaTrustNoLongerAdmits.Capital(what)}: {sas.Count} IRSA service account{(sas.Count == 1 ? "" : "s")} ({PermissionFindings.Join(sas)}) " +
                    $"can no longer get AWS credentials; {PermissionFindings.Join(components)} stop working with AWS.",
                new Impact { Components = [.. components], ServiceAccounts = [.. sas], TimeToImpact = TimeToImpact.OnCredentialRefresh },
                evidence);
        }
    }
}
