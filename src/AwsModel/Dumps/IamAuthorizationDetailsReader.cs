using System.Text.Json;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary><c>iam get-account-authorization-details</c> (RoleDetailList, Policies; users and groups are not
/// modelled) and <c>iam list-policies</c> (Policies without documents).</summary>
internal static class IamAuthorizationDetailsReader
{
    public static void Read(AwsDump dump, FragmentParts parts)
    {
        var i = 0;
        foreach (var r in dump.Items("RoleDetailList"))
        {
            var path = $"RoleDetailList[{i++}]";
            parts.Roles.Add(IamRoleJson.Read(r, parts.File, path, parts.Missing, policiesRead: true));
            var j = 0;
            foreach (var p in r.Arr("InstanceProfileList"))
                parts.InstanceProfiles.Add(InstanceProfileJson.Read(p, parts.File, $"{path}.InstanceProfileList[{j++}]", parts.Missing, parts.EmbeddedRoles));
        }
        if (dump.Root.Field("RoleDetailList") is not null)
        {
            parts.RoleDetail = 3;
            parts.Loaded.Add(AwsStateKind.IamRoles);
            parts.Loaded.Add(AwsStateKind.InstanceProfiles);
            if (dump.Root.Field("Policies") is not null) parts.Loaded.Add(AwsStateKind.Iam);
        }
        i = 0;
        foreach (var p in dump.Items("Policies"))
            parts.Policies.Add(ReadPolicy(p, $"Policies[{i++}]", parts));
        if (dump.Root.Field("Policies") is not null) parts.Loaded.Add(AwsStateKind.ManagedPolicies);
        parts.AccountId = SingleAccount(parts.Roles);
    }

    public static bool IsListPolicies(AwsDump dump) =>
        dump.Root.Field("RoleDetailList") is null && dump.Root.Field("UserDetailList") is null && dump.Root.Field("GroupDetailList") is null &&
        !dump.Items("Policies").Any(p => p.Field("PolicyVersionList") is not null);

    private static ManagedPolicy ReadPolicy(JsonElement p, string path, FragmentParts parts)
    {
        var arn = p.Need("Arn", path);
        var defaultVersion = p.Str("DefaultVersionId");
        var version = p.Arr("PolicyVersionList").FirstOrDefault(v => v.Bool("IsDefaultVersion") || (defaultVersion is not null && v.Str("VersionId") == defaultVersion));
        return new ManagedPolicy
        {
            Arn = arn,
            Name = p.Need("PolicyName", path),
            PolicyId = p.Str("PolicyId"),
            DefaultVersionId = defaultVersion,
            Document = version.ValueKind == JsonValueKind.Object
                ? PolicyDocumentText.Read(version.Field("Document"), new("default version of policy", arn, parts.File), parts.Missing)
                : null,
            Source = SourceRef.Of(parts.File, path: path),
        };
    }

    /// <summary>The account of the listed roles, when they all agree (the dumped account's own roles).</summary>
    private static string? SingleAccount(IEnumerable<IamRole> roles)
    {
        // The fifth colon-separated part of each ARN, compared in place (5,000 roles are 5,000 splits otherwise).
        string? account = null;
        foreach (var role in roles)
        {
            if (AccountPart(role.Arn) is not { IsEmpty: false } part) continue;
            if (account is null) account = part.ToString();
            else if (!part.SequenceEqual(account)) return null;
        }
        return account;
    }

    private static ReadOnlySpan<char> AccountPart(string arn)
    {
        var rest = arn.AsSpan();
        for (var i = 0; i < 4; i++)
        {
            var colon = rest.IndexOf(':');
            if (colon < 0) return default;
            rest = rest[(colon + 1)..];
        }
        var end = rest.IndexOf(':');
        return end < 0 ? rest : rest[..end];
    }
}
