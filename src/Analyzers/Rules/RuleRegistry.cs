using Kalc.Iac.Analyzers.Rules.Kubespray;
using Kalc.Iac.Analyzers.Rules.NodeCredentials;
using Kalc.Iac.Analyzers.Rules.Permissions;

namespace Kalc.Iac.Analyzers.Rules;

/// <summary>Every rule kalc-iac runs. `kalc-iac rules`, `explain`, SARIF driver rules and docs/rules.md come from this list.</summary>
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
        .. KubesprayRules.All,
    ];

    public static IRule? Find(string id) => All.FirstOrDefault(r => string.Equals(r.Descriptor.Id, id, StringComparison.OrdinalIgnoreCase));
}
