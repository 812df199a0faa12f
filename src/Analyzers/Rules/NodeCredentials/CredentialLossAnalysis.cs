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
            var loss = Compare(instance, afterInstance, profile, role, after.Aws, mapped);
            if (loss is not null) result.Add(loss);
        }
        return result;
    }

    private static CredentialLoss? Compare(Ec2Instance instance, Ec2Instance afterInstance, InstanceProfile profile, string role, AwsState after, IReadOnlyList<MappedChange> mapped)
    {
        if (afterInstance.InstanceProfileArn is null)
            return Cause(instance, profile, role, CredentialLossCause.ProfileDisassociated, FindInstanceChange(mapped, instance.InstanceId));
        if (afterInstance.ProfileAssociatedByPlan) return null; // the plan points the instance at another profile: permissions, not credentials
        var afterProfile = FindProfile(after, afterInstance.InstanceProfileArn);
        var profileChange = FindProfileChange(mapped, profile.Name);
        if (afterProfile is null)
            return Cause(instance, profile, role, CredentialLossCause.ProfileDeleted, profileChange);
        if (afterProfile.CreatedByPlan)
            return Cause(instance, profile, role, CredentialLossCause.ProfileReplaced, profileChange);
        var afterRole = afterProfile.RoleNames.IsEmpty ? null : afterProfile.RoleNames[0];
        var roleChange = FindRoleChange(mapped, role);
        if (afterRole is null)
        {
            if (roleChange is not null)
                return Cause(instance, profile, role, roleChange.Change.Kind == ChangeKind.Replace ? CredentialLossCause.RoleReplaced : CredentialLossCause.RoleDeleted, roleChange);
            return Cause(instance, profile, role, CredentialLossCause.RoleRemovedFromProfile, profileChange);
        }
        if (!after.Roles.Any(r => r.Name == afterRole))
            return Cause(instance, profile, role, CredentialLossCause.RoleDeleted, FindRoleChange(mapped, afterRole));
        return null;
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
