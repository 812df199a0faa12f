using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.Analyzers.Rules.Permissions;

/// <summary>KIAC203: an EKS Pod Identity association a workload uses is destroyed, or its role stops trusting pods.eks.amazonaws.com.</summary>
public sealed class PodIdentityBroken : IRule, IRequiresState
{
    public const string Id = "KIAC203";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "iam-permissions",
        "EKS Pod Identity association is removed or its role no longer trusts EKS Pod Identity",
        Severity.High,
        rationale: "With EKS Pod Identity, the EKS Auth service hands pods of a service account the credentials of the associated role. " +
            "Destroying the association, or pointing it at a role whose trust policy does not allow pods.eks.amazonaws.com " +
            "sts:AssumeRole and sts:TagSession, leaves those pods without AWS credentials.",
        remediation: "Keep the association (or create its replacement before destroying it), and keep pods.eks.amazonaws.com with " +
            "sts:AssumeRole and sts:TagSession in the role's trust policy.",
        "service-account:*", "aws-load-balancer-controller", "external-dns", "ebs-csi-controller", "efs-csi-controller", "cluster-autoscaler", "karpenter", "aws-node");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<string> MissingState(AnalysisContext context) =>
        PermissionState.Missing(context, PermissionState.IamChanges(context, m => m is Mapping.Aws.PodIdentityAssociationChange), needsIam: true, [KubeStateKind.Workloads]);

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        foreach (var b in context.Permissions.Trust.Breaks)
        {
            if (b.Kind is not (TrustBreakKind.PodIdentityAssociationRemoved or TrustBreakKind.PodIdentityTrust)) continue;
            var what = b.Kind == TrustBreakKind.PodIdentityAssociationRemoved
                ? $"the EKS Pod Identity association of {b.ServiceAccount} is destroyed"
                : $"role {b.RoleArn} of the Pod Identity association of {b.ServiceAccount} does not trust pods.eks.amazonaws.com for it";
            var evidence = new List<Evidence> { PermissionFindings.PlanStep(b.Cause, what) };
            evidence.AddRange(b.Facts.Select(f => new Evidence(f, "aws eks list-pod-identity-associations")));
            if (b.After is not null) evidence.Add(new($"after: {PermissionFindings.Describe(b.After)}", "IAM trust evaluation (after)"));
            foreach (var w in b.Workloads) evidence.Add(new($"{w.ComponentName} ({w.Workload.Key}) runs as {b.ServiceAccount}", w.Workload.Source.ToString()));
            evidence.Add(new("when: on-credential-refresh for running pods; new pods get no credentials immediately", "https://docs.aws.amazon.com/eks/latest/userguide/pod-identities.html"));
            yield return new Finding
            {
                RuleId = Id,
                Severity = Rule.Severity,
                Title = Rule.Title,
                Message = $"{IrsaTrustNoLongerAdmits.Capital(what)}: {PermissionFindings.Join(b.Components)} can no longer get AWS credentials.",
                Change = PermissionFindings.ChangeOf(b.Cause),
                Source = PermissionFindings.SourceOf(b.Cause),
                Impact = new Impact { Components = b.Components, ServiceAccounts = PermissionFindings.ServiceAccountsOf(b), TimeToImpact = TimeToImpact.OnCredentialRefresh },
                Evidence = [.. evidence],
                Remediation = Rule.Remediation,
            };
        }
    }
}
