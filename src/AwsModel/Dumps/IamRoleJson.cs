using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary>One role object as IAM prints it (RoleDetailList item, get-role's Role, list-roles item, or a role
/// inside an instance profile). Fields a shape lacks stay empty; the merge prefers the most detailed copy.</summary>
internal static class IamRoleJson
{
    private static readonly ImmutableDictionary<string, string> NoInlinePolicies = ImmutableDictionary.Create<string, string>(StringComparer.Ordinal);

    public static IamRole Read(JsonElement r, string file, string path, ICollection<string> missing, bool policiesRead)
    {
        var name = r.Need("RoleName", path);
        ImmutableDictionary<string, string>.Builder? inline = null;
        foreach (var p in r.Arr("RolePolicyList"))
        {
            inline ??= ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            var policyName = p.Need("PolicyName", $"{path}.RolePolicyList[]");
            if (PolicyDocumentText.Read(p.Field("PolicyDocument"), new("inline policy", policyName, file, name), missing) is { } doc)
                inline[policyName] = doc;
        }
        return new IamRole
        {
            Arn = r.Need("Arn", path),
            Name = name,
            RoleId = r.Str("RoleId"),
            Path = JsonStrings.Str(r, "Path") ?? "/",
            AssumeRolePolicy = PolicyDocumentText.Read(r.Field("AssumeRolePolicyDocument"), new("trust policy of role", name, file), missing),
            InlinePolicies = inline?.ToImmutable() ?? NoInlinePolicies,
            AttachedManagedPolicyArns = JsonStrings.Each(r, "AttachedManagedPolicies", "PolicyArn"),
            PermissionsBoundaryArn = JsonStrings.Str(r.Obj("PermissionsBoundary"), "PermissionsBoundaryArn"),
            InstanceProfileArns = JsonStrings.Each(r, "InstanceProfileList", "Arn"),
            Tags = AwsTags.Read(r),
            PoliciesIncomplete = !policiesRead,
            Source = SourceRef.Of(file, path: path),
        };
    }
}
