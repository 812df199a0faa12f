using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.Analyzers.Rules.Permissions;

/// <summary>KIAC201: an IRSA role's trust policy no longer admits the service account that uses it, or the role is destroyed.</summary>
public sealed class IrsaTrustNoLongerAdmits : IRule, IRequiresState
{
    public const string Id = "KIAC201";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "iam-permissions",
        "IRSA role no longer trusts the service account that uses it",
        Severity.High,
        rationale: "Pods of a service account annotated eks.amazonaws.com/role-arn exchange their projected token for the role's " +
            "credentials with sts:AssumeRoleWithWebIdentity. The role's trust policy must name the cluster's OIDC provider and match the " +
            "token's sub (system:serviceaccount:NAMESPACE:NAME) and aud (sts.amazonaws.com). A trust policy edited to another namespace, " +
            "name, provider or audience, or a StringLike pattern that misses, makes every exchange fail: running pods at their next " +
            "credential refresh, new pods at once.",
        remediation: "Make the trust policy's sub/aud conditions match the service account exactly (system:serviceaccount:NAMESPACE:NAME, " +
            "aud sts.amazonaws.com) and keep the Federated principal on the cluster's OIDC provider; or change the service account's " +
            "annotation to a role that trusts it, in the same rollout.",
        "service-account:*", "aws-load-balancer-controller", "external-dns", "ebs-csi-controller", "efs-csi-controller", "cluster-autoscaler", "karpenter", "aws-node")
        .Judging(["aws_iam_role"], StateNeed.Iam, StateNeed.ServiceAccounts, StateNeed.Workloads);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<string> MissingState(AnalysisContext context) => context.Permissions.Trust.Undecidable;

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        foreach (var b in context.Permissions.Trust.Breaks)
        {
            if (b.Kind is not (TrustBreakKind.IrsaTrust or TrustBreakKind.IrsaRoleDeleted)) continue;
            var role = b.RoleArn[(b.RoleArn.LastIndexOf('/') + 1)..];
            var what = b.Kind == TrustBreakKind.IrsaRoleDeleted
                ? $"role {role} is destroyed"
                : $"the trust policy of role {role} no longer admits service account {b.ServiceAccount}";
            var evidence = new List<Evidence> { PermissionFindings.PlanStep(context, b.Cause, what) };
            evidence.AddRange(b.Facts.Select(f => new Evidence(f, PermissionFindings.State)));
            evidence.Add(new($"before: {PermissionFindings.Describe(b.Before)}", PermissionFindings.TrustBefore));
            evidence.Add(new($"after: {(b.Kind == TrustBreakKind.IrsaRoleDeleted ? "the role does not exist" : PermissionFindings.Describe(b.After))}", PermissionFindings.TrustAfter));
            foreach (var w in b.Workloads) evidence.Add(new($"{w.ComponentName} ({w.Workload.Key}) runs as {b.ServiceAccount}", w.Workload.Source));
            evidence.Add(new("when: on-credential-refresh for running pods (their STS credentials last up to the role's session duration, 1 hour by default); new or restarted pods fail immediately",
                SourceRef.Reference("https://docs.aws.amazon.com/eks/latest/userguide/iam-roles-for-service-accounts.html")));
            yield return Findings.For(Rule, b.Cause?.Change,
                $"{Capital(what)}: {PermissionFindings.Join(b.Components)} can no longer get AWS credentials through IRSA " +
                    $"(sts:AssumeRoleWithWebIdentity is denied for {b.ServiceAccount}).",
                new Impact { Components = b.Components, ServiceAccounts = PermissionFindings.ServiceAccountsOf(b), TimeToImpact = TimeToImpact.OnCredentialRefresh },
                evidence);
        }
    }

    internal static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
