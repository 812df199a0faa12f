using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary><c>eks list-access-entries</c> (principal ARNs only), <c>eks describe-access-entry</c> (the entry, with its
/// type and groups) and <c>eks list-associated-access-policies</c>
/// (https://docs.aws.amazon.com/eks/latest/APIReference/API_ListAssociatedAccessPolicies.html). A list output does not
/// name its cluster; its entries belong to the only cluster of the dump, or to "" when there are several (the merge
/// resolves that).</summary>
internal static class AccessEntriesReader
{
    public static void ReadList(AwsDump dump, FragmentParts parts)
    {
        var i = 0;
        foreach (var arn in dump.Items("accessEntries"))
        {
            var path = $"accessEntries[{i++}]";
            if (arn.AsText() is not { Length: > 0 } principal) throw new InputException($"{path} is not a principal ARN");
            parts.AccessEntries.Add(new AccessEntry { ClusterName = "", PrincipalArn = principal, ListedOnly = true, Source = SourceRef.Of(parts.File, path: path) });
        }
        parts.Loaded.Add(AwsStateKind.AccessEntries);
    }

    public static void ReadOne(AwsDump dump, FragmentParts parts)
    {
        var e = dump.Root.Obj("accessEntry") ?? throw new InputException("\"accessEntry\" is not an object");
        parts.AccessEntries.Add(new AccessEntry
        {
            ClusterName = e.Need("clusterName", "accessEntry"),
            PrincipalArn = e.Need("principalArn", "accessEntry"),
            Type = e.Str("type"),
            Username = e.Str("username"),
            KubernetesGroups = e.Strings("kubernetesGroups"),
            AccessEntryArn = e.Str("accessEntryArn"),
            Source = SourceRef.Of(parts.File, path: "accessEntry"),
        });
        parts.Loaded.Add(AwsStateKind.AccessEntries);
    }

    public static void ReadPolicies(AwsDump dump, FragmentParts parts)
    {
        var cluster = dump.Root.Need("clusterName", "the output");
        var principal = dump.Root.Need("principalArn", "the output");
        var i = 0;
        foreach (var p in dump.Items("associatedAccessPolicies"))
        {
            var path = $"associatedAccessPolicies[{i++}]";
            var scope = p.Obj("accessScope");
            parts.AccessPolicyAssociations.Add(new AccessPolicyAssociation
            {
                ClusterName = cluster,
                PrincipalArn = principal,
                PolicyArn = p.Need("policyArn", path),
                ScopeType = scope?.Str("type"),
                Namespaces = scope is { } s ? s.Strings("namespaces") : [],
                Source = SourceRef.Of(parts.File, path: path),
            });
        }
        parts.Loaded.Add(AwsStateKind.AccessPolicyAssociations);
    }
}
