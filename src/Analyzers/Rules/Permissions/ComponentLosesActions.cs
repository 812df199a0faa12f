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
        "aws-load-balancer-controller", "cluster-autoscaler", "karpenter", "external-dns")
        .Judging(["aws_iam_role", "aws_iam_role_policy_attachment", "aws_iam_role_policy", "aws_iam_policy", "aws_iam_policy_attachment", "aws_iam_role_policy_attachments_exclusive", "aws_iam_role_policies_exclusive"], StateNeed.Iam, StateNeed.Instances, StateNeed.Workloads, StateNeed.ServiceAccounts);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<string> MissingState(AnalysisContext context) => context.Permissions.Undecidable;

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
            var what = loss.RoleDeleted ? $"role {p.Role.Name} is destroyed" : $"{who} loses {actions.Count} action{(actions.Count == 1 ? "" : "s")} {p.Component} needs";
            var evidence = new List<Evidence> { PermissionFindings.PlanStep(context, loss.Cause, what) };
            if (!loss.Together.IsEmpty)
                evidence.Add(new($"only together with {PermissionFindings.Join(loss.Together.Select(t => t.Change.Address))}", loss.Together[0].Change.Source));
            evidence.Add(new($"{p.Component} runs as {who}: {p.HowResolved}", PermissionFindings.State));
            foreach (var l in loss.Lost.DistinctBy(l => l.Requirement.Action).Take(12))
            {
                evidence.Add(new($"{l.Requirement.Action} on {l.Requirement.Resource}{(l.Requirement.IsEssential ? " (essential)" : "")}: before {PermissionFindings.Describe(l.Before)}; after {PermissionFindings.Describe(l.After)}",
                    SourceRef.Catalog($"requirement catalog {context.Requirements.Version}", l.Requirement.From)));
            }
            evidence.Add(new(context.Catalog.Get(p.Component) is { } def ? $"symptom: {def.Symptom}" : $"symptom: {p.Component}'s calls fail with AccessDenied", SourceRef.Reference(p.Requirements.SourceUrl)));
            evidence.Add(new("when: immediate - IAM evaluates policies at each call, so the next call after apply is denied (credentials do not need to expire)",
                SourceRef.Reference("https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html")));
            var message = $"{IrsaTrustNoLongerAdmits.Capital(what)}: {PermissionFindings.Join(actions)}" +
                (essential.Count > 0 ? $" ({essential.Count} essential: {PermissionFindings.Join(essential)})" : " (none essential: a feature degrades)") +
                (p.Nodes.IsEmpty ? "." : $", on {p.Nodes.Length} node{(p.Nodes.Length == 1 ? "" : "s")}.");
            yield return Findings.For(Rule, loss.Cause?.Change, message,
                new Impact
                {
                    Components = [p.Component],
                    Instances = p.Instances,
                    Nodes = p.Nodes,
                    ServiceAccounts = p.ServiceAccounts,
                    TimeToImpact = TimeToImpact.Immediate,
                },
                evidence, severity);
        }
    }
}
