using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.Analyzers.Rules.Permissions;

/// <summary>KIAC203: an EKS Pod Identity association a workload uses is destroyed, or its role stops trusting pods.eks.amazonaws.com.</summary>
public sealed class PodIdentityBroken : IRule
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
        "service-account:*", "aws-load-balancer-controller", "external-dns", "ebs-csi-controller", "efs-csi-controller", "cluster-autoscaler", "karpenter", "aws-node")
        .Judging(["aws_eks_pod_identity_association", "aws_iam_role"], StateNeed.Iam, StateNeed.PodIdentityAssociations, StateNeed.Workloads);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        foreach (var b in context.Permissions.Trust.Breaks)
        {
            if (b.Kind is not (TrustBreakKind.PodIdentityAssociationRemoved or TrustBreakKind.PodIdentityTrust)) continue;
            var what = b.Kind == TrustBreakKind.PodIdentityAssociationRemoved
                ? $"the EKS Pod Identity association of {b.ServiceAccount} is destroyed"
                : $"role {b.RoleArn} of the Pod Identity association of {b.ServiceAccount} does not trust pods.eks.amazonaws.com for it";
            var evidence = new List<Evidence> { PermissionFindings.PlanStep(context, b.Cause, what) };
            evidence.AddRange(b.Facts.Select(f => new Evidence(f, PermissionFindings.State)));
            if (b.After is not null) evidence.Add(new($"after: {PermissionFindings.Describe(b.After)}", PermissionFindings.TrustAfter));
            foreach (var w in b.Workloads) evidence.Add(new($"{w.ComponentName} ({w.Workload.Key}) runs as {b.ServiceAccount}", w.Workload.Source));
            evidence.Add(new("when: on-credential-refresh for running pods; new pods get no credentials immediately", SourceRef.Reference("https://docs.aws.amazon.com/eks/latest/userguide/pod-identities.html")));
            yield return Findings.For(Rule, b.Cause?.Change,
                $"{IrsaTrustNoLongerAdmits.Capital(what)}: {PermissionFindings.Join(b.Components)} can no longer get AWS credentials.",
                new Impact { Components = b.Components, ServiceAccounts = PermissionFindings.ServiceAccountsOf(b), TimeToImpact = TimeToImpact.OnCredentialRefresh },
                evidence);
        }
    }
}
