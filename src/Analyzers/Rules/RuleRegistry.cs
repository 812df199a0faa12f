using Kalc.Iac.Analyzers.Rules.Kubespray;
using Kalc.Iac.Analyzers.Rules.NodeCredentials;
using Kalc.Iac.Analyzers.Rules.Permissions;

namespace Kalc.Iac.Analyzers.Rules;

/// <summary>Every rule kalc-iac runs, one line each: `kalc-iac rules`, `explain`, SARIF driver rules, docs/rules.md and the
/// verdict's notion of which changes are modelled (each descriptor's Judges) all come from this list.</summary>
public static class RuleRegistry
{
    public static readonly IReadOnlyList<IRule> All =
    [
        new InstanceProfileDeleted(),
        new NodeRoleRemoved(),
        new InstanceProfileDisassociated(),
        new LaunchTemplateProfileGone(),
        new IrsaTrustNoLongerAdmits(),
        new OidcProviderRemoved(),
        new PodIdentityBroken(),
        new ComponentLosesActions(),
        new NodeRoleTrustDropsEc2(),
        new ClusterAccess.AwsAuthDropsNodeRole(),
        new ClusterAccess.NodeAccessEntryRemoved(),
        new ClusterAccess.AuthenticationModeDropsNodeMapping(),
        new ClusterAccess.AdminMappingRemoved(),
        new ClusterAccess.AwsAuthMalformed(),
        new ClusterAccess.AccessPolicyAssociationRemoved(),
        new Networking.NodeFlowBlocked(),
        new Networking.WebhookUnreachable(),
        new Networking.AttachedGroupRemoved(),
        new Subnets.SubnetDiscoveryTagRemoved(),
        new Subnets.KarpenterSubnetsLost(),
        new Subnets.NodeEgressRouteRemoved(),
        new Addons.AddonRemoved(),
        new Addons.AddonVersionUnsupported(),
        new Addons.AddonRoleChanged(),
        new Lifecycle.NodeGroupReplacement(),
        new Lifecycle.ScaleOutIdentityGone(),
        new Lifecycle.AutoScalingGroupRefresh(),
        new Lifecycle.EksClusterReplaced(),
        new Lifecycle.ControlPlaneVersionSkew(),
        new GroupVarsForMissingGroup(),
        new UnknownVariable(),
        new VariableNotReachingAllHosts(),
        new ShadowedByUnexpectedSource(),
        new SecondCniPlugin(),
        new PodSubnetChange(),
        new ServiceSubnetChange(),
        new NodePrefixChange(),
        new CloudProviderChange(),
        new SecondControlPlane(),
        new KubeVersionSkew(),
        new ClusterCidrOverlapsVpc(),
        new BaselineShapeChange(),
    ];

    public static IRule? Find(string id) => All.FirstOrDefault(r => string.Equals(r.Descriptor.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The rules of one family (a descriptor's Category), in registry order.</summary>
    public static IReadOnlyList<IRule> InCategory(string category) => [.. All.Where(r => r.Descriptor.Category == category)];
}
