using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.Analyzers.Mapping.Aws;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Rules.NodeCredentials;

/// <summary>Compares each running instance's credential chain (instance -> profile -> role) before and after the change.</summary>
public static class CredentialLossAnalysis
{
    public static IReadOnlyList<CredentialLoss> Find(World before, World after, IReadOnlyList<MappedChange> mapped)
    {
        var result = new List<CredentialLoss>();
        var afterInstances = after.Aws.Instances.ToDictionary(i => i.InstanceId, StringComparer.Ordinal);
        foreach (var instance in before.Aws.Instances)
        {
            if (!instance.IsLive || instance.InstanceProfileArn is not { } arn) continue;
            var profile = FindProfile(before.Aws, arn);
            if (profile is null || profile.RoleNames.IsEmpty) continue; // no credentials before: nothing to lose
            var role = profile.RoleNames[0];
            if (!before.Aws.Roles.Any(r => r.Name == role)) continue;
            if (!afterInstances.TryGetValue(instance.InstanceId, out var afterInstance)) continue; // the plan removes the instance itself
            result.AddRange(Compare(instance, afterInstance, profile, role, after.Aws, mapped));
        }
        return result;
    }

    /// <summary>Every way the change cuts this instance off: a plan that destroys both the profile and its role yields
    /// both causes, since they break at different times.</summary>
    private static IEnumerable<CredentialLoss> Compare(Ec2Instance instance, Ec2Instance afterInstance, InstanceProfile profile, string role, AwsState after, IReadOnlyList<MappedChange> mapped)
    {
        var found = new List<CredentialLoss?>();
        if (afterInstance.InstanceProfileArn is null)
        {
            found.Add(Cause(instance, profile, role, CredentialLossCause.ProfileDisassociated, FindInstanceChange(mapped, instance.InstanceId)));
            return found.OfType<CredentialLoss>();
        }
        if (afterInstance.ProfileAssociatedByPlan) return []; // the plan points the instance at another profile: permissions, not credentials
        var afterProfile = FindProfile(after, afterInstance.InstanceProfileArn);
        var profileChange = FindProfileChange(mapped, profile.Name);
        var roleChange = FindRoleChange(mapped, role);
        if (afterProfile is null)
            found.Add(Cause(instance, profile, role, CredentialLossCause.ProfileDeleted, profileChange));
        else if (afterProfile.CreatedByPlan)
            found.Add(Cause(instance, profile, role, CredentialLossCause.ProfileReplaced, profileChange));
        var profileStillWorks = afterProfile is { CreatedByPlan: false } && !afterProfile.RoleNames.IsEmpty &&
            after.Roles.Any(r => r.Name == afterProfile.RoleNames[0]);
        if (!profileStillWorks && roleChange is not null)
            found.Add(Cause(instance, profile, role, roleChange.Change.Kind == ChangeKind.Replace ? CredentialLossCause.RoleReplaced : CredentialLossCause.RoleDeleted, roleChange));
        else if (!profileStillWorks && afterProfile is { CreatedByPlan: false })
            found.Add(Cause(instance, profile, role, CredentialLossCause.RoleRemovedFromProfile, profileChange));
        return found.OfType<CredentialLoss>();
    }

    private static CredentialLoss? Cause(Ec2Instance i, InstanceProfile p, string role, CredentialLossCause cause, MappedChange? by) =>
        by is null ? null : new CredentialLoss(i, p, role, cause, by);

    /// <summary>By ARN, else by the name at the end of the ARN (dumps and plans may differ in path or account placeholder).</summary>
    private static InstanceProfile? FindProfile(AwsState state, string arn)
    {
        foreach (var p in state.InstanceProfiles) if (p.Arn == arn) return p;
        var name = arn[(arn.LastIndexOf('/') + 1)..];
        foreach (var p in state.InstanceProfiles) if (p.Name == name) return p;
        return null;
    }

    private static InstanceProfileChange? FindProfileChange(IReadOnlyList<MappedChange> mapped, string name) =>
        mapped.OfType<InstanceProfileChange>().FirstOrDefault(c => c.Before?.Name.Value == name && c.Change.Kind != ChangeKind.NoOp);

    private static IamRoleChange? FindRoleChange(IReadOnlyList<MappedChange> mapped, string name) =>
        mapped.OfType<IamRoleChange>().FirstOrDefault(c => c.Before?.Name.Value == name && c.Change.Kind is ChangeKind.Delete or ChangeKind.Replace);

    private static Ec2InstanceChange? FindInstanceChange(IReadOnlyList<MappedChange> mapped, string id) =>
        mapped.OfType<Ec2InstanceChange>().FirstOrDefault(c => c.Before?.Id.Value == id);
}
