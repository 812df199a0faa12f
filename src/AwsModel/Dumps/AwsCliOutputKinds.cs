using System.Text.Json;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary>Every aws-cli output kalc-iac reads, recognised by its top-level keys. This list is the whole of
/// what is supported (docs/formats-state.md mirrors it).</summary>
internal static class AwsCliOutputKinds
{
    public sealed record Kind(string Command, Func<AwsDump, bool> Matches, Action<AwsDump, FragmentParts> Read);

    public static readonly IReadOnlyList<Kind> All =
    [
        new("iam get-account-authorization-details",
            r => Has(r, "RoleDetailList", "UserDetailList", "GroupDetailList") || (Has(r, "Policies") && !IamAuthorizationDetailsReader.IsListPolicies(r)),
            IamAuthorizationDetailsReader.Read),
        new("iam list-policies", r => Has(r, "Policies") && IamAuthorizationDetailsReader.IsListPolicies(r), IamAuthorizationDetailsReader.Read),
        new("iam get-role", r => Has(r, "Role"), IamRoleOutputsReader.ReadGetRole),
        new("iam list-roles", r => Has(r, "Roles"), IamRoleOutputsReader.ReadListRoles),
        new("iam get-instance-profile", r => Has(r, "InstanceProfile"), InstanceProfileOutputsReader.ReadGet),
        new("iam list-instance-profiles", r => Has(r, "InstanceProfiles"), InstanceProfileOutputsReader.ReadList),
        new("iam list-open-id-connect-providers", r => Has(r, "OpenIDConnectProviderList"), OidcProviderOutputsReader.ReadList),
        new("iam get-open-id-connect-provider", r => Has(r, "Url") && (Has(r, "ClientIDList") || Has(r, "ThumbprintList")), OidcProviderOutputsReader.ReadGet),
        new("sts get-caller-identity", r => Has(r, "Account") && Has(r, "UserId") && Has(r, "Arn"), (r, p) => p.AccountId = r.Root.Str("Account")),
        new("ec2 describe-instances", r => Has(r, "Reservations"), Ec2InstancesReader.Read),
        new("ec2 describe-subnets", r => Has(r, "Subnets"), Ec2NetworkReader.ReadSubnets),
        new("ec2 describe-vpcs", r => Has(r, "Vpcs"), Ec2NetworkReader.ReadVpcs),
        new("ec2 describe-security-groups", r => Has(r, "SecurityGroups"), Ec2NetworkReader.ReadSecurityGroups),
        new("ec2 describe-launch-template-versions", r => Has(r, "LaunchTemplateVersions"), LaunchTemplateVersionsReader.Read),
        new("autoscaling describe-auto-scaling-groups", r => Has(r, "AutoScalingGroups"), AutoScalingGroupsReader.Read),
        new("eks describe-cluster", r => Has(r, "cluster"), EksOutputsReader.ReadCluster),
        // The cluster names only: what matters is read from describe-cluster; kept so a snapshot reads back whole.
        new("eks list-clusters", r => Has(r, "clusters") && r.Root.GetProperty("clusters").ValueKind == JsonValueKind.Array, (_, _) => { }),
        new("eks list-pod-identity-associations", r => Has(r, "associations"), EksOutputsReader.ReadAssociations),
        new("eks describe-pod-identity-association", r => Has(r, "association"), EksOutputsReader.ReadAssociation),
        new("ec2 describe-security-group-rules", r => Has(r, "SecurityGroupRules"), SecurityGroupRulesReader.Read),
        new("ec2 describe-network-interfaces", r => Has(r, "NetworkInterfaces"), NetworkInterfacesReader.Read),
        new("eks list-access-entries", r => Has(r, "accessEntries"), AccessEntriesReader.ReadList),
        new("eks describe-access-entry", r => Has(r, "accessEntry"), AccessEntriesReader.ReadOne),
        new("eks list-associated-access-policies", r => Has(r, "associatedAccessPolicies"), AccessEntriesReader.ReadPolicies),
        new("ec2 describe-route-tables", r => Has(r, "RouteTables"), RouteTablesReader.Read),
        new("eks describe-nodegroup", r => Has(r, "nodegroup"), EksComputeReader.ReadNodegroup),
        new("eks list-nodegroups", r => Has(r, "nodegroups") && EksComputeReader.IsNameList(r, "nodegroups"), EksComputeReader.ReadNodegroupList),
        new("eks describe-fargate-profile", r => Has(r, "fargateProfile"), EksComputeReader.ReadFargateProfile),
        new("eks list-fargate-profiles", r => Has(r, "fargateProfileNames"), EksComputeReader.ReadFargateProfileList),
        new("eks describe-addon", r => Has(r, "addon"), EksAddonsReader.ReadAddon),
        new("eks list-addons", r => Has(r, "addons") && EksComputeReader.IsNameList(r, "addons"), EksComputeReader.ReadAddonList),
        new("eks describe-addon-versions", r => Has(r, "addons") && !EksComputeReader.IsNameList(r, "addons"), EksAddonsReader.ReadVersions),
    ];

    private static bool Has(AwsDump dump, params string[] keys) => keys.Any(k => dump.Root.TryGetProperty(k, out _));
}
