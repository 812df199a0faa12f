using Kalc.Iac.Analyzers.Cluster;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.Analyzers.Rules.Permissions;

/// <summary>KIAC204: a component loses AWS actions it needs (requirement catalog) because a policy is detached, deleted or
/// narrowed, a new default version or a Deny is published, or a permissions boundary is set.</summary>
public sealed class ComponentLosesActions : IRule, IRequiresState
{
    public const string Id = "KIAC204";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "iam-permissions",
        "Component loses AWS actions it needs",
        Severity.High,
        rationale: "Each component calls a known set of AWS actions (the requirement catalog, taken from the upstream policies). " +
            "A change that leaves every resource in place but takes one of those actions away - a detached managed policy, a deleted " +
            "inline policy, a new default policy version, an added Deny, a permissions boundary - breaks the component at its next call. " +
            "Losing an essential action is an outage of the component; losing another one degrades a feature.",
        remediation: "Keep the actions the component needs on the role it runs as (see docs/requirements-catalog.md), or give the " +
            "component its own role (IRSA or Pod Identity) carrying them before removing them from the shared role.",
        "kubelet", "cloud-controller-manager", "kube-controller-manager", "aws-node", "ebs-csi-controller", "efs-csi-controller",
        "aws-load-balancer-controller", "cluster-autoscaler", "karpenter", "external-dns", "eks-pod-identity-agent")
        .Judging(["aws_iam_role", "aws_iam_instance_profile", "aws_instance", "aws_iam_role_policy_attachment", "aws_iam_role_policy", "aws_iam_policy", "aws_iam_policy_attachment", "aws_iam_role_policy_attachments_exclusive", "aws_iam_role_policies_exclusive"], StateNeed.Iam, StateNeed.Instances, StateNeed.Workloads, StateNeed.ServiceAccounts);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<string> MissingState(AnalysisContext context) => context.Permissions.Undecidable;

    /// <summary>Whether the lost actions are the ones dependents need the component to call for them.</summary>
    private static bool DependsOn(string component, IReadOnlyList<string> lost) => component switch
    {
        "kubelet" => lost.Any(a => a.StartsWith("ecr:", StringComparison.OrdinalIgnoreCase)),
        _ => lost.Count > 0,
    };

    private static string Why(string component) => component switch
    {
        "eks-pod-identity-agent" => "their pods get AWS credentials through the EKS Pod Identity agent",
        "kubelet" => "kubelet pulls their private ECR images with the node's credentials, so their new pods cannot start",
        _ => $"they need {component}",
    };

    private static string Capitalised(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        foreach (var loss in context.Permissions.Losses)
        {
            var p = loss.Principal;
            var actions = loss.Lost.Select(l => l.Requirement.Action).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var essential = actions.Where(a => p.Requirements.Essential.Contains(a)).ToList();
            var severity = essential.Count == 0 ? Severity.Medium : p.OnEveryNode ? Severity.Critical : Severity.High;
            var who = p.Source switch
            {
                IdentitySource.Node => $"node role {p.Role.Name}",
                IdentitySource.Irsa => $"IRSA role {p.Role.Name}",
                _ => $"Pod Identity role {p.Role.Name}",
            };
            var what = loss.RoleDeleted ? $"role {p.Role.Name} is destroyed"
                : loss.SwitchedTo is { } to ? $"the nodes get role {to.Name} instead of {p.Role.Name}, without {actions.Count} action{(actions.Count == 1 ? "" : "s")} {p.Component} needs"
                : $"{who} loses {actions.Count} action{(actions.Count == 1 ? "" : "s")} {p.Component} needs";
            var evidence = new List<Evidence> { PermissionFindings.PlanStep(context, loss.Cause, what) };
            if (!loss.Together.IsEmpty)
                evidence.Add(new($"only together with {PermissionFindings.Join(loss.Together.Select(t => t.Change.Address))}", loss.Together[0].Change.Source));
            evidence.Add(new($"{p.Component} runs as {who}: {p.HowResolved}", PermissionFindings.State));
            foreach (var l in loss.Lost.DistinctBy(l => l.Requirement.Action).Take(12))
            {
                evidence.Add(new($"{l.Requirement.Action} on {l.Requirement.Resource}{(l.Requirement.IsEssential ? " (essential)" : "")}: before {PermissionFindings.Describe(l.Before)}; after {PermissionFindings.Describe(l.After)}",
                    SourceRef.Catalog($"requirement catalog {context.Requirements.Version}", l.Requirement.From)));
            }
            var dependents = p.Dependents.Where(d => DependsOn(p.Component, actions)).ToList();
            foreach (var d in dependents.Take(8))
                evidence.Add(new($"{d.ComponentName} ({d.Workload.Key}) depends on it: {Why(p.Component)}", d.Workload.Source));
            if (dependents.Count > 8) evidence.Add(new($"and {dependents.Count - 8} more workloads that depend on it", PermissionFindings.State));
            evidence.Add(new(context.Catalog.Get(p.Component) is { } def ? $"symptom: {def.Symptom}" : $"symptom: {p.Component}'s calls fail with AccessDenied", SourceRef.Reference(p.Requirements.SourceUrl)));
            evidence.Add(loss.SwitchedTo is null
                ? new("when: immediate - IAM evaluates policies at each call, so the next call after apply is denied (credentials do not need to expire)",
                    SourceRef.Reference("https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html"))
                : new($"when: on-credential-refresh - the credentials of {p.Role.Name} the instances hold stay valid until they expire; IMDS then hands out {loss.SwitchedTo.Name}'s",
                    SourceRef.Reference("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html")));
            var message = $"{IrsaTrustNoLongerAdmits.Capital(what)}: {PermissionFindings.Join(actions)}" +
                (essential.Count > 0 ? $" ({essential.Count} essential: {PermissionFindings.Join(essential)})" : " (none essential: a feature degrades)") +
                (p.Nodes.IsEmpty ? "." : $", on {p.Nodes.Length} node{(p.Nodes.Length == 1 ? "" : "s")}.") +
                (dependents.Count == 0 ? "" : $" {Capitalised(Why(p.Component))}: {PermissionFindings.Join(dependents.Select(d => d.ComponentName).Distinct())}.");
            yield return Findings.For(Rule, loss.Cause?.Change, message,
                new Impact
                {
                    Components = [p.Component, .. dependents.Select(d => d.ComponentName).Distinct().Where(c => c != p.Component)],
                    Instances = p.Instances,
                    Nodes = p.Nodes,
                    ServiceAccounts = [.. p.ServiceAccounts.Concat(dependents.Select(d => $"{d.Workload.Namespace}/{d.Workload.ServiceAccountName}")).Distinct().Order(StringComparer.Ordinal)],
                    TimeToImpact = loss.SwitchedTo is null ? TimeToImpact.Immediate : TimeToImpact.OnCredentialRefresh,
                },
                evidence, severity);
        }
    }
}
