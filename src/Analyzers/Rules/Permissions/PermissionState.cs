using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.Analyzers.Mapping.Aws;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.KubeModel.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Rules.Permissions;

/// <summary>The state the permission rules need for the IAM changes of a plan, and what they name as missing without it.</summary>
internal static class PermissionState
{
    public static List<string> IamChanges(AnalysisContext ctx, Func<MappedChange, bool> relevant) =>
        [.. ctx.TouchingExisting.Where(relevant).Select(m => m.Change.Address)];

    public static bool TouchesPolicies(MappedChange m) => m is IamRoleChange or RolePolicyAttachmentChange or RolePolicyChange or IamPolicyChange or PolicyAttachmentChange or ExclusiveAttachmentsChange or ExclusiveInlineChange;

    public static bool TouchesServiceAccountIdentity(MappedChange m) => m is IamRoleChange or OidcProviderChange or PodIdentityAssociationChange;

    public static IEnumerable<string> Missing(AnalysisContext ctx, List<string> changes, bool needsIam, KubeStateKind[] kube)
    {
        if (changes.Count == 0) yield break;
        var which = changes.Count <= 3 ? string.Join(", ", changes) : $"{changes[0]} and {changes.Count - 1} other changes";
        if (needsIam && !ctx.Before.Aws.Loaded.Contains(AwsStateKind.Iam))
            yield return $"AWS IAM state (aws iam get-account-authorization-details): needed to evaluate the roles and policies changed by {which}";
        foreach (var k in kube)
        {
            if (ctx.Before.Kube.Loaded.Contains(k)) continue;
            yield return k switch
            {
                KubeStateKind.ServiceAccounts => $"Kubernetes service accounts (kubectl get serviceaccounts -A -o json): needed to know which service accounts use the roles changed by {which}",
                KubeStateKind.Workloads => $"Kubernetes workloads (kubectl get deployments,daemonsets,statefulsets -A -o json): needed to know which components run as the roles changed by {which}",
                _ => $"Kubernetes {k}: needed for {which}",
            };
        }
    }
}
