using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.Analyzers.Mapping.Aws;
using Kalc.Iac.AwsModel.Model;

namespace Kalc.Iac.Analyzers.Rules.Permissions;

/// <summary>Finds the nodes of a node-role principal whose credentials come from another role after the change. IMDS hands
/// an instance the credentials of the role its profile holds at the time of the refresh, so a profile whose role is
/// replaced in place, or an instance associated with another profile, gives the node that role's permissions
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html). A profile or
/// role that is gone is a credential loss (KIAC101-103), not a switch.</summary>
internal sealed class NodeRoleSwitches
{
    private readonly AnalysisContext context;
    private readonly Dictionary<string, Ec2Instance> afterInstances;
    private readonly Dictionary<string, InstanceProfile> afterProfilesByArn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InstanceProfile> afterProfilesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KubeModel.Model.KubeNode> nodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> afterRoles;
    private readonly Dictionary<string, Ec2InstanceChange> instanceChanges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InstanceProfileChange> profileChanges = new(StringComparer.Ordinal);

    private NodeRoleSwitches(AnalysisContext context)
    {
        this.context = context;
        var after = context.After.Aws;
        afterInstances = after.Instances.ToDictionary(i => i.InstanceId, StringComparer.Ordinal);
        afterRoles = after.Roles.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var n in context.Topology.Nodes) nodes.TryAdd(n.Name, n);
        // The first change in plan order that names the instance or the profile (after, then before), as a search would find.
        foreach (var m in context.Mapped)
        {
            if (m is Ec2InstanceChange { Before.Id.Value: { } id } ic) instanceChanges.TryAdd(id, ic);
            if (m is InstanceProfileChange pc)
            {
                if (pc.After?.Name.Value is { } afterName) profileChanges.TryAdd(afterName, pc);
                if (pc.Before?.Name.Value is { } beforeName) profileChanges.TryAdd(beforeName, pc);
            }
        }
        foreach (var p in after.InstanceProfiles)
        {
            afterProfilesByArn.TryAdd(p.Arn, p);
            afterProfilesByName.TryAdd(p.Name, p);
        }
    }

    /// <summary>Null when the change touches no instance profile and no instance: then no node can switch roles.</summary>
    public static NodeRoleSwitches? For(AnalysisContext context) =>
        context.Mapped.Any(m => m is InstanceProfileChange or Ec2InstanceChange) ? new NodeRoleSwitches(context) : null;

    public IReadOnlyList<NodeRoleSwitch> Of(ComponentPrincipal p)
    {
        var result = new List<NodeRoleSwitch>();
        foreach (var nodeName in p.Nodes)
        {
            if (nodes.GetValueOrDefault(nodeName) is not { } node ||
                context.Topology.InstanceOf(node) is not { } instance ||
                !afterInstances.TryGetValue(instance.InstanceId, out var afterInstance) ||
                afterInstance.InstanceProfileArn is not { } arn)
                continue;
            // The name is cut from the ARN only when the ARN is not the profile's own (every node is asked about, per component).
            var profile = afterProfilesByArn.GetValueOrDefault(arn);
            var profileName = profile?.Name ?? arn[(arn.LastIndexOf('/') + 1)..];
            profile ??= afterProfilesByName.GetValueOrDefault(profileName);
            var cause = Cause(instance.InstanceId, profile?.Name ?? profileName, afterInstance.ProfileAssociatedByPlan);
            if (profile is null)
            {
                // A profile the plan creates under a name not known, or one not in the state: only an association by the plan
                // is a switch (a profile that is gone is a credential loss).
                if (afterInstance.ProfileAssociatedByPlan)
                    result.Add(new(nodeName, instance.InstanceId, profileName, null, cause, $"instance profile {profileName} is not in the AWS state"));
                continue;
            }
            if (profile.RoleNames.IsEmpty)
            {
                if (context.After.Unknowns.GetValueOrDefault($"instance-profile-role:{profile.Name}") is { } why)
                    result.Add(new(nodeName, instance.InstanceId, profile.Name, null, cause, why));
                continue;
            }
            var role = profile.RoleNames[0];
            if (role == p.Role.Name) continue;
            result.Add(afterRoles.Contains(role)
                ? new(nodeName, instance.InstanceId, profile.Name, role, cause, null)
                : new(nodeName, instance.InstanceId, profile.Name, null, cause, $"role {role} of instance profile {profile.Name} is not in the AWS state"));
        }
        return result;
    }

    private MappedChange? Cause(string instanceId, string profileName, bool associatedByPlan) => associatedByPlan
        ? instanceChanges.GetValueOrDefault(instanceId)
        : profileChanges.GetValueOrDefault(profileName);
}
