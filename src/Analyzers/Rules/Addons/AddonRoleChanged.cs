using Kalc.Iac.Analyzers.Mapping.Aws;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Rules.Lifecycle;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Rules.Addons;

/// <summary>KIAC605: an EKS add-on's service_account_role_arn changes to a role that does not exist after apply, or is removed so
/// the add-on falls back to the node role.</summary>
public sealed class AddonRoleChanged : IRule, IRequiresState
{
    public const string Id = "KIAC605";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "addons",
        "EKS add-on's service account role changes to one it cannot use",
        Severity.High,
        rationale: "EKS annotates the add-on's service account with service_account_role_arn (IRSA) and restarts its pods. A role that does " +
            "not exist (a typo, a role the same plan destroys) leaves the add-on without AWS credentials - aws-node cannot assign IP " +
            "addresses, the EBS CSI controller cannot create volumes; removing the role makes the add-on use the node's instance profile, " +
            "which may lack the add-on's permissions.",
        remediation: "Point service_account_role_arn at an existing role whose trust policy admits the add-on's service account through the " +
            "cluster's OIDC provider and that has the add-on's policy attached, in the same change as (or before) the switch.",
        "aws-node", "ebs-csi-controller")
        .Judging(["aws_eks_addon"], StateNeed.Iam);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<string> MissingState(AnalysisContext context)
    {
        var switches = context.MappedOf<EksAddonChange>().Any(c => c.Change.Kind == ChangeKind.Update && c.After?.ServiceAccountRoleArn is { IsKnown: true, Value: { } a }
            && c.Before?.ServiceAccountRoleArn.Value is { } b && a != b);
        if (switches && !context.Before.Aws.Loaded.Contains(AwsModel.Model.AwsStateKind.Iam) && !context.Before.Aws.Loaded.Contains(AwsModel.Model.AwsStateKind.IamRoles))
            yield return "IAM roles (aws iam get-account-authorization-details): needed to know whether an add-on's new service account role exists";
    }

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        foreach (var c in context.MappedOf<EksAddonChange>())
        {
            if (c.Change.Kind != ChangeKind.Update || c.Before?.AddonName.Value is not { } name || c.After is null) continue;
            var before = c.Before.ServiceAccountRoleArn.Value;
            if (!c.After.ServiceAccountRoleArn.IsKnown) continue; // a role made by this plan: its ARN is known only after apply
            var after = c.After.ServiceAccountRoleArn.Value;
            if (before == after || before is null) continue;
            var missing = after is not null && !RoleExistsAfter(context, after);
            if (after is not null && !missing) continue; // another existing role: its permissions are the IAM rules' to judge
            var role = AddonRole.Known.GetValueOrDefault(name);
            var evidence = new List<Step>
            {
                Step.Plan(c.Change, after is null ? $"add-on {name} loses service_account_role_arn {before}" : $"add-on {name} switches service_account_role_arn from {before} to {after}"),
                new(after is null ? "without a role, the add-on's pods use the node's instance profile" : $"no role {after} exists after apply (not in the IAM state, not created by the plan)",
                    Kalc.Iac.Core.SourceRef.Of("kalc-iac IAM state (after)")),
            };
            if (role is not null) evidence.Add(Step.Reference($"symptom: {role.Component} cannot call AWS; {role.WhenGone}", role.Reference));
            evidence.Add(new("when: immediate - EKS restarts the add-on's pods with the new annotation", Kalc.Iac.Core.SourceRef.Of("EKS")));
            yield return LifecycleFindings.For(Rule, c.Change,
                after is null
                    ? $"EKS add-on {name} no longer has a service account role: {role?.Component ?? name} falls back to the node role."
                    : $"EKS add-on {name} is switched to role {after}, which does not exist after apply: {role?.Component ?? name} gets no AWS credentials.",
                new Impact { Components = [role?.Component ?? name], TimeToImpact = TimeToImpact.Immediate },
                evidence, after is null ? Severity.Medium : Severity.High);
        }
    }

    private static bool RoleExistsAfter(AnalysisContext context, string arn) =>
        context.After.Aws.Roles.Any(r => r.Arn == arn)
        || context.MappedOf<IamRoleChange>().Any(r => r.Change.Kind is ChangeKind.Create or ChangeKind.Replace && (r.After?.Arn.Value == arn || (r.After?.Name.Value is { } n && arn.EndsWith("/" + n, StringComparison.Ordinal))))
        || (!context.Before.Aws.Loaded.Contains(AwsModel.Model.AwsStateKind.Iam) && !context.Before.Aws.Loaded.Contains(AwsModel.Model.AwsStateKind.IamRoles)); // not known: MissingState says so
}
