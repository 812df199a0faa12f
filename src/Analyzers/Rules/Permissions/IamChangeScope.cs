using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.Analyzers.Mapping.Aws;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.AwsModel.Model;

namespace Kalc.Iac.Analyzers.Rules.Permissions;

/// <summary>Which plan changes can touch a role's permissions or trust, and which facts about it the projection could not know.</summary>
public static class IamChangeScope
{
    /// <summary>True when the change edits the role, its inline policies, its attachments, or a managed policy it uses.</summary>
    public static bool Touches(MappedChange change, IamRole role) => change.Status == MappingStatus.Analysed && change switch
    {
        IamRoleChange c => c.Before?.Name.Value == role.Name || c.After?.Name.Value == role.Name,
        RolePolicyAttachmentChange c => c.Before?.Role.Value == role.Name || c.After?.Role.Value == role.Name,
        RolePolicyChange c => c.Before?.Role.Value == role.Name || c.After?.Role.Value == role.Name,
        IamPolicyChange c => c.Before?.Arn.Value is { } arn && (role.AttachedManagedPolicyArns.Contains(arn) || role.PermissionsBoundaryArn == arn),
        PolicyAttachmentChange c => Lists(c.Before?.Roles, role.Name) || Lists(c.After?.Roles, role.Name),
        ExclusiveAttachmentsChange c => c.After?.RoleName.Value == role.Name,
        ExclusiveInlineChange c => c.After?.RoleName.Value == role.Name,
        _ => false,
    };

    /// <summary>Why the role's permissions after the change cannot be fully known (policy text or attachments known only after apply).</summary>
    public static IEnumerable<string> PermissionUnknowns(World after, IamRole role)
    {
        // The keys naming this role, made once rather than for every unknown (a large plan has thousands).
        string boundary = $"role-boundary:{role.Name}", managed = $"role-managed:{role.Name}", inline = $"role-inline:{role.Name}";
        var inlineOne = inline + ":";
        foreach (var (key, why) in after.Unknowns)
        {
            if (key == boundary || key == managed || key == inline ||
                key.StartsWith(inlineOne, StringComparison.Ordinal) || key.StartsWith("attachment:", StringComparison.Ordinal) ||
                (key.StartsWith("policy:", StringComparison.Ordinal) && IsUsed(role, key["policy:".Length..])))
                yield return why;
        }
    }

    /// <summary>Why the role's trust policy after the change cannot be known.</summary>
    public static string? TrustUnknown(World after, string roleName) => after.Unknowns.GetValueOrDefault($"role-trust:{roleName}");

    private static bool Lists(Core.Known<IReadOnlyList<string>>? names, string name) => names is { IsKnown: true, Value: { } v } && v.Contains(name);

    private static bool IsUsed(IamRole role, string policyArn) =>
        role.AttachedManagedPolicyArns.Contains(policyArn) || role.PermissionsBoundaryArn == policyArn;
}
