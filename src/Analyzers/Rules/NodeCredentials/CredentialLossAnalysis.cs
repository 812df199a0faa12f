using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.Analyzers.Mapping.Aws;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Rules.NodeCredentials;

/// <summary>Compares each running instance's credential chain (instance -> profile -> role) before and after the change.
/// Computed once per analysis (<see cref="AnalysisContext.CredentialLosses"/>); every lookup is by index.</summary>
public static class CredentialLossAnalysis
{
    public static IReadOnlyList<CredentialLoss> Find(World before, World after, IReadOnlyList<MappedChange> mapped)
    {
        var result = new List<CredentialLoss>();
        var changes = new ChangeIndex(mapped);
        if (changes.IsEmpty) return result;
        var beforeIndex = new StateIndex(before.Aws);
        var afterIndex = new StateIndex(after.Aws);
        var afterInstances = after.Aws.Instances.ToDictionary(i => i.InstanceId, StringComparer.Ordinal);
        foreach (var instance in before.Aws.Instances)
        {
            if (!instance.IsLive || instance.InstanceProfileArn is not { } arn) continue;
            var profile = beforeIndex.Profile(arn);
            if (profile is null || profile.RoleNames.IsEmpty) continue; // no credentials before: nothing to lose
            var role = profile.RoleNames[0];
            if (!beforeIndex.HasRole(role)) continue;
            if (!afterInstances.TryGetValue(instance.InstanceId, out var afterInstance)) continue; // the plan removes the instance itself
            result.AddRange(Compare(instance, afterInstance, profile, role, afterIndex, changes, after.Unknowns));
        }
        return result;
    }

    /// <summary>Every way the change cuts this instance off: a plan that destroys both the profile and its role yields
    /// both causes, since they break at different times.</summary>
    private static IEnumerable<CredentialLoss> Compare(Ec2Instance instance, Ec2Instance afterInstance, InstanceProfile profile, string role, StateIndex after, ChangeIndex changes,
        System.Collections.Immutable.ImmutableDictionary<string, string> unknowns)
    {
        var found = new List<CredentialLoss?>();
        if (afterInstance.InstanceProfileArn is null)
        {
            found.Add(Cause(instance, profile, role, CredentialLossCause.ProfileDisassociated, changes.Instance(instance.InstanceId)));
            return found.OfType<CredentialLoss>();
        }
        if (afterInstance.ProfileAssociatedByPlan) return []; // the plan points the instance at another profile: permissions, not credentials
        var afterProfile = after.Profile(afterInstance.InstanceProfileArn);
        var profileChange = changes.Profile(profile.Name);
        var roleChange = changes.Role(role);
        if (afterProfile is null)
            found.Add(Cause(instance, profile, role, CredentialLossCause.ProfileDeleted, profileChange));
        else if (afterProfile.CreatedByPlan)
            found.Add(Cause(instance, profile, role, CredentialLossCause.ProfileReplaced, profileChange));
        var profileStillWorks = afterProfile is { CreatedByPlan: false } && !afterProfile.RoleNames.IsEmpty && after.HasRole(afterProfile.RoleNames[0]);
        if (!profileStillWorks && roleChange is not null)
            found.Add(Cause(instance, profile, role, roleChange.Change.Kind == ChangeKind.Replace ? CredentialLossCause.RoleReplaced : CredentialLossCause.RoleDeleted, roleChange));
        else if (!profileStillWorks && afterProfile is { CreatedByPlan: false } && !unknowns.ContainsKey($"instance-profile-role:{afterProfile.Name}"))
            found.Add(Cause(instance, profile, role, CredentialLossCause.RoleRemovedFromProfile, profileChange));
        return found.OfType<CredentialLoss>();
    }

    private static CredentialLoss? Cause(Ec2Instance i, InstanceProfile p, string role, CredentialLossCause cause, MappedChange? by) =>
        by is null ? null : new CredentialLoss(i, p, role, cause, by);

    /// <summary>Profiles by ARN and by name (dumps and plans may differ in path or account placeholder), roles by name.</summary>
    private sealed class StateIndex
    {
        private readonly Dictionary<string, InstanceProfile> byArn = new(StringComparer.Ordinal);
        private readonly Dictionary<string, InstanceProfile> byName = new(StringComparer.Ordinal);
        private readonly HashSet<string> roles;

        public StateIndex(AwsState state)
        {
            foreach (var p in state.InstanceProfiles)
            {
                byArn.TryAdd(p.Arn, p);
                byName.TryAdd(p.Name, p);
            }
            roles = state.Roles.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        }

        public bool HasRole(string name) => roles.Contains(name);

        public InstanceProfile? Profile(string arn) =>
            byArn.TryGetValue(arn, out var p) ? p : byName.GetValueOrDefault(arn[(arn.LastIndexOf('/') + 1)..]);
    }

    /// <summary>The plan's profile, role and instance changes by the name or id they had before.</summary>
    private sealed class ChangeIndex
    {
        private readonly Dictionary<string, InstanceProfileChange> profiles = new(StringComparer.Ordinal);
        private readonly Dictionary<string, IamRoleChange> roles = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Ec2InstanceChange> instances = new(StringComparer.Ordinal);

        public ChangeIndex(IReadOnlyList<MappedChange> mapped)
        {
            foreach (var m in mapped)
            {
                switch (m)
                {
                    case InstanceProfileChange p when p.Before?.Name.Value is { } n && p.Change.Kind != ChangeKind.NoOp:
                        profiles.TryAdd(n, p);
                        break;
                    case IamRoleChange r when r.Before?.Name.Value is { } n && r.Change.Kind is ChangeKind.Delete or ChangeKind.Replace:
                        roles.TryAdd(n, r);
                        break;
                    case Ec2InstanceChange i when i.Before?.Id.Value is { } id && i.Change.Kind != ChangeKind.NoOp:
                        instances.TryAdd(id, i);
                        break;
                }
            }
        }

        public bool IsEmpty => profiles.Count == 0 && roles.Count == 0 && instances.Count == 0;

        public InstanceProfileChange? Profile(string name) => profiles.GetValueOrDefault(name);

        public IamRoleChange? Role(string name) => roles.GetValueOrDefault(name);

        public Ec2InstanceChange? Instance(string id) => instances.GetValueOrDefault(id);
    }
}
