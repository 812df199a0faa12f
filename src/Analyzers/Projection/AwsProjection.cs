using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.Analyzers.Mapping.Aws;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Projection;

/// <summary>Projects mapped plan changes onto an <see cref="AwsState"/>, the way AWS will see them after apply.
/// Joins by identity (role and profile names, ARNs, instance ids), never by Terraform address.</summary>
internal sealed class AwsProjection
{
    // Each kind's map is made when a change first touches that kind: the permission analysis projects single changes
    // (PermissionAnalysis.Alone), where a role's change need not copy 10,000 instances. Untouched kinds keep the state's
    // arrays (Build).
    private Dictionary<string, IamRole>? rolesByName;
    private Dictionary<string, InstanceProfile>? profilesByName;
    private Dictionary<string, Ec2Instance>? instancesById;
    private Dictionary<string, ManagedPolicy>? policiesByArn;
    private Dictionary<string, OidcProvider>? oidcByArn;
    private Dictionary<string, PodIdentityAssociation>? podIdentitiesById;
    private readonly Dictionary<string, string> unknowns = new(StringComparer.Ordinal);
    private readonly HashSet<string> profilesSetByPlan = new(StringComparer.Ordinal);
    private readonly HashSet<string> rolesGone = new(StringComparer.Ordinal);
    private readonly AwsState state;
    private readonly string? account;

    private AwsProjection(AwsState state)
    {
        this.state = state;
        account = AwsAccount.Of(state);
    }

    private Dictionary<string, IamRole> Roles => rolesByName ??= state.Roles.ToDictionary(r => r.Name, StringComparer.Ordinal);

    private Dictionary<string, InstanceProfile> Profiles => profilesByName ??= state.InstanceProfiles.ToDictionary(p => p.Name, StringComparer.Ordinal);

    private Dictionary<string, Ec2Instance> Instances => instancesById ??= state.Instances.ToDictionary(i => i.InstanceId, StringComparer.Ordinal);

    private Dictionary<string, ManagedPolicy> Policies => policiesByArn ??= state.Policies.ToDictionary(p => p.Arn, StringComparer.Ordinal);

    private Dictionary<string, OidcProvider> Oidc => oidcByArn ??= state.OidcProviders.ToDictionary(p => p.Arn, StringComparer.Ordinal);

    private Dictionary<string, PodIdentityAssociation> PodIdentities => podIdentitiesById ??= state.PodIdentityAssociations.ToDictionary(a => a.AssociationId, StringComparer.Ordinal);

    public static (AwsState State, ImmutableDictionary<string, string> Unknowns) Apply(AwsState state, IReadOnlyList<MappedChange> changes)
    {
        var p = new AwsProjection(state);
        // Profiles first, so that a role replacement knows whether the plan also re-sets the profile's role.
        foreach (var c in changes) if (c is InstanceProfileChange ip) p.NoteProfileSetByPlan(ip);
        foreach (var c in changes) p.ApplyOne(c);
        p.TakeGoneRolesOutOfProfiles();
        return (p.Build(), p.unknowns.ToImmutableDictionary(StringComparer.Ordinal));
    }

    private void NoteProfileSetByPlan(InstanceProfileChange c)
    {
        if (c.After?.Name.Value is { } name && c.Change.Kind is ChangeKind.Create or ChangeKind.Replace or ChangeKind.Update &&
            c.After.Role.IsKnown && c.After.Role.Value is not null)
            profilesSetByPlan.Add(name);
    }

    private void ApplyOne(MappedChange c)
    {
        switch (c)
        {
            case InstanceProfileChange ip: ApplyProfile(ip); break;
            case IamRoleChange r: ApplyRole(r); break;
            case Ec2InstanceChange i: ApplyInstance(i); break;
            case RolePolicyAttachmentChange a: ApplyAttachment(a); break;
            case RolePolicyChange rp: ApplyInlinePolicy(rp); break;
            case IamPolicyChange pol: ApplyPolicy(pol); break;
            case OidcProviderChange o: ApplyOidc(o); break;
            case PodIdentityAssociationChange pia: ApplyPodIdentity(pia); break;
            case PolicyAttachmentChange pa: ApplyPolicyAttachment(pa); break;
            case ExclusiveAttachmentsChange ea: ApplyExclusiveAttachments(ea); break;
            case ExclusiveInlineChange ei: ApplyExclusiveInline(ei); break;
        }
    }

    /// <summary>AWS keeps profile membership by role id: a deleted or replaced role leaves every profile it was in, and a
    /// new role of the same name is not in them unless the plan sets the profile's role again. One pass at the end
    /// (nothing during the projection reads profile membership).</summary>
    private void TakeGoneRolesOutOfProfiles()
    {
        if (rolesGone.Count == 0) return;
        foreach (var (name, profile) in Profiles.ToList())
        {
            if (profilesSetByPlan.Contains(name) || !profile.RoleNames.Any(rolesGone.Contains)) continue;
            Profiles[name] = profile with { RoleNames = profile.RoleNames.RemoveAll(rolesGone.Contains) };
        }
    }

    private void ApplyProfile(InstanceProfileChange c)
    {
        var kind = c.Change.Kind;
        var oldName = c.Before?.Name.Value;
        if (kind is ChangeKind.Delete or ChangeKind.Replace && oldName is not null)
            Profiles.Remove(oldName);
        if (kind is ChangeKind.Create or ChangeKind.Replace or ChangeKind.Update && c.After is { } after)
        {
            if (!after.Name.IsKnown) { unknowns[$"instance-profile:{c.Change.Address}"] = "the new instance profile's name is known only after apply"; return; }
            var name = after.Name.Value ?? oldName;
            if (name is null) return;
            Profiles.TryGetValue(name, out var existing);
            if (!after.Role.IsKnown) unknowns[$"instance-profile-role:{name}"] = $"the role of instance profile {name} is known only after apply";
            var roleNames = after.Role is { IsKnown: true, Value: { } role } ? ImmutableArray.Create(role) : ImmutableArray<string>.Empty;
            Profiles[name] = (existing ?? new InstanceProfile
            {
                Arn = after.Arn.Value ?? ProfileArn(name, after.Path.IsKnown ? after.Path.Value : null),
                Name = name,
                Source = SourceRef.Of(c.Change.SourceFile, c.Change.SourceLine, c.Change.Address),
            }) with
            {
                RoleNames = roleNames,
                CreatedByPlan = kind is ChangeKind.Create or ChangeKind.Replace,
            };
        }
    }

    private void ApplyRole(IamRoleChange c)
    {
        var kind = c.Change.Kind;
        var oldName = c.Before?.Name.Value;
        if (kind is ChangeKind.Delete or ChangeKind.Replace && oldName is not null)
        {
            Roles.Remove(oldName);
            rolesGone.Add(oldName);
        }
        if (kind is not (ChangeKind.Create or ChangeKind.Replace or ChangeKind.Update) || c.After is not { } after) return;
        if (!after.Name.IsKnown || (after.Name.Value ?? oldName) is not { } roleName)
        {
            unknowns[$"role:{c.Change.Address}"] = "the new role's name is known only after apply";
            return;
        }
        Roles.TryGetValue(roleName, out var existing);
        var role = existing ?? new IamRole
        {
            Arn = after.Arn.Value ?? RoleArn(roleName),
            Name = roleName,
            Source = SourceRef.Of(c.Change.SourceFile, c.Change.SourceLine, c.Change.Address),
        };
        if (!after.AssumeRolePolicy.IsKnown) unknowns[$"role-trust:{roleName}"] = $"the trust policy of role {roleName} is known only after apply";
        if (!after.PermissionsBoundary.IsKnown) unknowns[$"role-boundary:{roleName}"] = $"the permissions boundary of role {roleName} is known only after apply";
        role = role with
        {
            CreatedByPlan = kind is ChangeKind.Create or ChangeKind.Replace,
            AssumeRolePolicy = KnownOr(after.AssumeRolePolicy, role.AssumeRolePolicy),
            PermissionsBoundaryArn = KnownOr(after.PermissionsBoundary, role.PermissionsBoundaryArn),
        };
        if (c.Before is { } before && ChangedList(before.ManagedPolicyArns, after.ManagedPolicyArns))
        {
            if (after.ManagedPolicyArns is { IsKnown: true, Value: { } arns }) role = role with { AttachedManagedPolicyArns = [.. arns] };
            else unknowns[$"role-managed:{roleName}"] = $"the managed policies of role {roleName} are known only after apply";
        }
        if (c.Before is { } b && ChangedInline(b.InlinePolicies, after.InlinePolicies))
        {
            if (after.InlinePolicies is { IsKnown: true, Value: { } inline })
                role = role with { InlinePolicies = inline.Where(p => p.Policy is not null).ToImmutableDictionary(p => p.Name, p => p.Policy!) };
            else unknowns[$"role-inline:{roleName}"] = $"the inline policies of role {roleName} are known only after apply";
        }
        Roles[roleName] = role;
    }

    private void ApplyInstance(Ec2InstanceChange c)
    {
        var id = c.Before?.Id.Value;
        if (id is null) return; // a new instance: nothing in the cluster runs on it yet
        if (c.Change.RemovesObject || c.Change.Kind == ChangeKind.Replace)
        {
            Instances.Remove(id);
            return;
        }
        if (c.Change.Kind != ChangeKind.Update || !Instances.TryGetValue(id, out var instance) || c.After is null) return;
        var beforeProfile = c.Before?.InstanceProfileName.Value;
        if (!c.After.InstanceProfileName.IsKnown)
        {
            unknowns[$"instance-profile-of:{id}"] = $"the instance profile of {id} is known only after apply";
            return;
        }
        var afterProfile = c.After.InstanceProfileName.Value;
        if (afterProfile == beforeProfile) return;
        Instances[id] = instance with
        {
            InstanceProfileArn = afterProfile is null ? null : Profiles.TryGetValue(afterProfile, out var p) ? p.Arn : ProfileArn(afterProfile),
            InstanceProfileId = null,
            ProfileAssociatedByPlan = afterProfile is not null,
        };
    }

    private void ApplyAttachment(RolePolicyAttachmentChange c)
    {
        if (c.Change.Kind is ChangeKind.Delete or ChangeKind.Replace && c.Before is { Role.Value: { } r, PolicyArn.Value: { } arn } && Roles.TryGetValue(r, out var role))
            Roles[r] = role with { AttachedManagedPolicyArns = role.AttachedManagedPolicyArns.Remove(arn) };
        if (c.Change.Kind is ChangeKind.Create or ChangeKind.Replace && c.After is { } after)
        {
            if (after is { Role.Value: { } r2, PolicyArn.Value: { } arn2 } && after.Role.IsKnown && after.PolicyArn.IsKnown)
            {
                if (Roles.TryGetValue(r2, out var role2) && !role2.AttachedManagedPolicyArns.Contains(arn2))
                    Roles[r2] = role2 with { AttachedManagedPolicyArns = role2.AttachedManagedPolicyArns.Add(arn2) };
            }
            else if (after.Role is { IsKnown: true, Value: { } knownRole })
            {
                // The role is known: only its permissions are in doubt, not every role's.
                unknowns[$"role-managed:{knownRole}"] = $"{c.Change.Address}: the policy it attaches to role {knownRole} is known only after apply";
            }
            else
            {
                unknowns[$"attachment:{c.Change.Address}"] = $"{c.Change.Address}: the role it attaches a policy to is known only after apply";
            }
        }
    }

    private void ApplyInlinePolicy(RolePolicyChange c)
    {
        if (c.Change.Kind is ChangeKind.Delete or ChangeKind.Replace && c.Before is { Role.Value: { } r, Name.Value: { } n } && Roles.TryGetValue(r, out var role))
            Roles[r] = role with { InlinePolicies = role.InlinePolicies.Remove(n) };
        if (c.Change.Kind is ChangeKind.Create or ChangeKind.Replace or ChangeKind.Update && c.After is { Role.Value: { } r2 } after && Roles.TryGetValue(r2, out var role2))
        {
            var name = after.Name.Value ?? c.Before?.Name.Value;
            if (name is null) return;
            if (after.Policy is { IsKnown: true, Value: { } text })
                Roles[r2] = role2 with { InlinePolicies = role2.InlinePolicies.SetItem(name, text) };
            else
                unknowns[$"role-inline:{r2}:{name}"] = $"inline policy {name} of role {r2} is known only after apply";
        }
    }

    private void ApplyPolicy(IamPolicyChange c)
    {
        var arn = c.Before?.Arn.Value;
        if (c.Change.Kind == ChangeKind.Delete && arn is not null)
        {
            Policies.Remove(arn);
            return;
        }
        if (c.Change.Kind is ChangeKind.Update or ChangeKind.Replace && arn is not null && Policies.TryGetValue(arn, out var policy) && c.After is { } after)
        {
            if (after.Policy is { IsKnown: true, Value: { } text }) Policies[arn] = policy with { Document = text, DefaultVersionId = null };
            else unknowns[$"policy:{arn}"] = $"the new default version of {arn} is known only after apply";
        }
    }

    private void ApplyOidc(OidcProviderChange c)
    {
        if (c.Change.Kind is ChangeKind.Delete or ChangeKind.Replace && c.Before?.Arn.Value is { } arn)
            Oidc.Remove(arn);
        if (c.Change.Kind is ChangeKind.Create or ChangeKind.Replace && c.After is { Url.Value: { } url } after)
        {
            var host = url.Replace("https://", "", StringComparison.Ordinal);
            var newArn = after.Arn.Value ?? Arn("oidc-provider/", host, "OIDC provider ");
            Oidc[newArn] = new OidcProvider
            {
                Arn = newArn,
                Url = host,
                ClientIds = after.ClientIds.IsKnown ? [.. after.ClientIds.Value!] : [],
                Source = SourceRef.Of(c.Change.SourceFile, c.Change.SourceLine, c.Change.Address),
            };
        }
    }

    private void ApplyPodIdentity(PodIdentityAssociationChange c)
    {
        if (c.Change.Kind is ChangeKind.Delete or ChangeKind.Replace && c.Before?.AssociationId.Value is { } id)
            PodIdentities.Remove(id);
        if (c.Change.Kind is ChangeKind.Create or ChangeKind.Replace or ChangeKind.Update && c.After is { } a &&
            a.ClusterName.Value is { } cluster && a.Namespace.Value is { } ns && a.ServiceAccount.Value is { } sa)
        {
            var key = c.Before?.AssociationId.Value ?? $"planned:{c.Change.Address}";
            PodIdentities[key] = new PodIdentityAssociation
            {
                AssociationId = key,
                ClusterName = cluster,
                Namespace = ns,
                ServiceAccount = sa,
                RoleArn = a.RoleArn.Value,
                Source = SourceRef.Of(c.Change.SourceFile, c.Change.SourceLine, c.Change.Address),
            };
        }
    }

    /// <summary>aws_iam_policy_attachment: the policy ends up attached to exactly the roles listed after.</summary>
    private void ApplyPolicyAttachment(PolicyAttachmentChange c)
    {
        var arn = (c.Before ?? c.After)?.PolicyArn.Value;
        if (arn is null) return;
        var beforeRoles = c.Before?.Roles is { IsKnown: true, Value: { } b } ? b : [];
        if (c.Change.Kind is ChangeKind.Create or ChangeKind.Update or ChangeKind.Replace && c.After is { } after && !after.Roles.IsKnown)
        {
            unknowns[$"attachment:{c.Change.Address}"] = $"{c.Change.Address}: the roles it attaches {arn} to are known only after apply";
            return;
        }
        var afterRoles = c.Change.Kind == ChangeKind.Delete ? [] : c.After?.Roles.Value ?? [];
        foreach (var r in beforeRoles.Except(afterRoles, StringComparer.Ordinal))
            if (Roles.TryGetValue(r, out var role)) Roles[r] = role with { AttachedManagedPolicyArns = role.AttachedManagedPolicyArns.Remove(arn) };
        foreach (var r in afterRoles)
            if (Roles.TryGetValue(r, out var role) && !role.AttachedManagedPolicyArns.Contains(arn)) Roles[r] = role with { AttachedManagedPolicyArns = role.AttachedManagedPolicyArns.Add(arn) };
    }

    /// <summary>aws_iam_role_policy_attachments_exclusive: created or updated, the role keeps exactly these attachments.</summary>
    private void ApplyExclusiveAttachments(ExclusiveAttachmentsChange c)
    {
        if (c.Change.Kind is not (ChangeKind.Create or ChangeKind.Update or ChangeKind.Replace) || c.After is not { RoleName.Value: { } name } after || !Roles.TryGetValue(name, out var role)) return;
        if (after.PolicyArns is { IsKnown: true, Value: { } arns }) Roles[name] = role with { AttachedManagedPolicyArns = [.. arns] };
        else unknowns[$"role-managed:{name}"] = $"the managed policies of role {name} are known only after apply";
    }

    /// <summary>aws_iam_role_policies_exclusive: created or updated, inline policies not named are deleted.</summary>
    private void ApplyExclusiveInline(ExclusiveInlineChange c)
    {
        if (c.Change.Kind is not (ChangeKind.Create or ChangeKind.Update or ChangeKind.Replace) || c.After is not { RoleName.Value: { } name } after || !Roles.TryGetValue(name, out var role)) return;
        if (after.PolicyNames is { IsKnown: true, Value: { } keep })
            Roles[name] = role with { InlinePolicies = role.InlinePolicies.Where(p => keep.Contains(p.Key)).ToImmutableDictionary(p => p.Key, p => p.Value) };
        else unknowns[$"role-inline:{name}"] = $"the inline policies role {name} keeps are known only after apply";
    }

    /// <summary>The planned value when it is known (callers note an unknown one), else what the state has.</summary>
    private static string? KnownOr(Known<string?> value, string? current) => value.IsKnown ? value.Value ?? current : current;

    /// <summary>Whether the list changed, in any order (most roles' lists are the same object or the same in order: no sort then).</summary>
    private static bool ChangedList(Known<IReadOnlyList<string>> before, Known<IReadOnlyList<string>> after)
    {
        if (!after.IsKnown || !before.IsKnown) return true;
        IReadOnlyList<string> b = before.Value!, a = after.Value!;
        if (ReferenceEquals(a, b)) return false;
        if (a.Count != b.Count) return true;
        var inOrder = true;
        for (var i = 0; i < a.Count && inOrder; i++) inOrder = string.Equals(a[i], b[i], StringComparison.Ordinal);
        return !inOrder && !b.Order(StringComparer.Ordinal).SequenceEqual(a.Order(StringComparer.Ordinal));
    }

    private static bool ChangedInline(Known<IReadOnlyList<(string Name, string? Policy)>> before, Known<IReadOnlyList<(string Name, string? Policy)>> after) =>
        !after.IsKnown || !before.IsKnown || !before.Value!.SequenceEqual(after.Value!);

    /// <summary>An instance profile's ARN is derived from its path and name (IAM identifiers), so it is known before apply.</summary>
    private string ProfileArn(string name, string? path = "/")
    {
        if (path is null) unknowns[$"instance-profile-arn:{name}"] = $"the ARN of instance profile {name} is known only after apply (its path is)";
        return Arn(string.IsNullOrEmpty(path) ? "instance-profile/" : "instance-profile" + path, name, "instance profile ");
    }

    private string RoleArn(string name) => Arn("role/", name, "role ");

    /// <summary>The IAM ARN of <paramref name="name"/> (after <paramref name="prefix"/>, its resource type and path) in the
    /// state's account. When no account is known the ARN says so in place of the account, and the projection records it as
    /// unknown (<paramref name="noun"/> names the kind in that line): no placeholder account ever stands for a real one.
    /// Made from its parts: the projection makes one for each new role and profile of a large plan.</summary>
    private string Arn(string prefix, string name, string noun)
    {
        if (account is null) unknowns[$"arn:{prefix}{name}"] = $"the ARN of {noun}{name} is not known: no AWS account id in the state (give sts get-caller-identity output)";
        return $"arn:aws:iam::{account ?? "(unknown account)"}:{prefix}{name}";
    }

    private AwsState Build() => state with
    {
        Roles = rolesByName is null ? state.Roles : [.. rolesByName.Values],
        InstanceProfiles = profilesByName is null ? state.InstanceProfiles : [.. profilesByName.Values],
        Instances = instancesById is null ? state.Instances : [.. instancesById.Values],
        Policies = policiesByArn is null ? state.Policies : [.. policiesByArn.Values],
        OidcProviders = oidcByArn is null ? state.OidcProviders : [.. oidcByArn.Values],
        PodIdentityAssociations = podIdentitiesById is null ? state.PodIdentityAssociations : [.. podIdentitiesById.Values],
    };
}
