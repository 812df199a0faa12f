using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.Analyzers.Rules.Permissions;

/// <summary>KIAC205: the trust policy of the role in the nodes' instance profile no longer admits ec2.amazonaws.com.</summary>
public sealed class NodeRoleTrustDropsEc2 : IRule
{
    public const string Id = "KIAC205";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "iam-permissions",
        "Node role no longer trusts EC2",
        Severity.Critical,
        rationale: "An instance profile hands its role's credentials to instances only while the role's trust policy allows " +
            "ec2.amazonaws.com sts:AssumeRole. Dropping EC2 from it stops IMDS from issuing credentials on every node that uses the role: " +
            "kubelet's image pulls from ECR, the cloud provider and every component on the node's credentials fail.",
        remediation: "Keep { \"Effect\": \"Allow\", \"Principal\": { \"Service\": \"ec2.amazonaws.com\" }, \"Action\": \"sts:AssumeRole\" } in " +
            "the node role's trust policy; add other principals as further statements.",
        "kubelet", "cloud-controller-manager", "kube-controller-manager", "aws-node")
        .Judging(["aws_iam_role"], StateNeed.Iam, StateNeed.Instances);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        foreach (var b in context.Permissions.Trust.Breaks.Where(b => b.Kind == TrustBreakKind.NodeTrust))
        {
            var role = b.RoleArn[(b.RoleArn.LastIndexOf('/') + 1)..];
            var components = new List<string> { "kubelet" };
            components.AddRange(b.Components.Where(c => !components.Contains(c)));
            var evidence = new List<Evidence> { PermissionFindings.PlanStep(context, b.Cause, $"the trust policy of role {role} no longer allows ec2.amazonaws.com to assume it") };
            evidence.AddRange(b.Facts.Select(f => new Evidence(f, PermissionFindings.State)));
            evidence.Add(new($"before: {PermissionFindings.Describe(b.Before)}", PermissionFindings.TrustBefore));
            evidence.Add(new($"after: {PermissionFindings.Describe(b.After)}", PermissionFindings.TrustAfter));
            evidence.Add(new("when: on-credential-refresh - running instances keep their current credentials until IMDS refreshes them; new instances get none",
                SourceRef.Reference("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html")));
            yield return Findings.For(Rule, b.Cause?.Change,
                $"Role {role} no longer trusts ec2.amazonaws.com: {b.Instances.Length} instance(s) ({b.Nodes.Length} Kubernetes node(s)) lose their AWS credentials; " +
                    $"{PermissionFindings.Join(components)} stop working with AWS.",
                new Impact { Components = [.. components], Instances = b.Instances, Nodes = b.Nodes, TimeToImpact = TimeToImpact.OnCredentialRefresh },
                evidence);
        }
    }
}
