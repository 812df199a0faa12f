using System.Collections.Immutable;

namespace Kalc.Iac.AwsModel.Model;

/// <summary>What exists in one AWS account at one moment. Immutable. <see cref="Loaded"/> says
/// which kinds of resource were read at all, so that "not read" is never mistaken for "absent";
/// <see cref="Missing"/> names what is known to be incomplete (a truncated page, a failed call).</summary>
public sealed record AwsState
{
    public static readonly AwsState Empty = new();

    public string? AccountId { get; init; }

    public string? Region { get; init; }

    public ImmutableArray<IamRole> Roles { get; init; } = [];

    public ImmutableArray<InstanceProfile> InstanceProfiles { get; init; } = [];

    public ImmutableArray<ManagedPolicy> Policies { get; init; } = [];

    public ImmutableArray<OidcProvider> OidcProviders { get; init; } = [];

    public ImmutableArray<Ec2Instance> Instances { get; init; } = [];

    public ImmutableArray<Subnet> Subnets { get; init; } = [];

    public ImmutableArray<Vpc> Vpcs { get; init; } = [];

    public ImmutableArray<SecurityGroup> SecurityGroups { get; init; } = [];

    public ImmutableArray<LaunchTemplateVersion> LaunchTemplateVersions { get; init; } = [];

    public ImmutableArray<AutoScalingGroup> AutoScalingGroups { get; init; } = [];

    public ImmutableArray<EksCluster> EksClusters { get; init; } = [];

    public ImmutableArray<PodIdentityAssociation> PodIdentityAssociations { get; init; } = [];

    public ImmutableArray<NetworkInterface> NetworkInterfaces { get; init; } = [];

    public ImmutableArray<AccessEntry> AccessEntries { get; init; } = [];

    public ImmutableArray<AccessPolicyAssociation> AccessPolicyAssociations { get; init; } = [];

    /// <summary>Well-formed aws-cli outputs in the dump that kalc-iac does not read, for the report to list.</summary>
    public ImmutableArray<NotReadOutput> NotRead { get; init; } = [];
    public ImmutableArray<RouteTable> RouteTables { get; init; } = [];

    public ImmutableArray<EksNodegroup> Nodegroups { get; init; } = [];

    public ImmutableArray<FargateProfile> FargateProfiles { get; init; } = [];

    public ImmutableArray<EksAddon> Addons { get; init; } = [];

    /// <summary>describe-addon-versions output, when the dump has it: published add-on/cluster version compatibility.</summary>
    public ImmutableArray<AddonVersionInfo> AddonVersions { get; init; } = [];

    public ImmutableHashSet<AwsStateKind> Loaded { get; init; } = [];

    public ImmutableArray<string> Missing { get; init; } = [];
}

/// <summary>The kinds of AWS state a dump or a live read can supply.</summary>
public enum AwsStateKind
{
    /// <summary>The whole of <c>iam get-account-authorization-details</c>: roles with all their policies, instance profiles, managed policies.</summary>
    Iam,
    OidcProviders,
    Instances,
    Subnets,
    Vpcs,
    SecurityGroups,
    LaunchTemplateVersions,
    AutoScalingGroups,
    EksClusters,
    PodIdentityAssociations,
    RouteTables,
    Nodegroups,
    FargateProfiles,
    Addons,
    AddonVersions,

    /// <summary>Roles were listed (get-account-authorization-details, list-roles); see <see cref="IamRole.PoliciesIncomplete"/>.</summary>
    IamRoles,

    /// <summary>Instance profiles were listed (get-account-authorization-details, list-instance-profiles).</summary>
    InstanceProfiles,

    /// <summary>Managed policies were listed (get-account-authorization-details Policies, list-policies).</summary>
    ManagedPolicies,

    /// <summary>Network interfaces (ec2 describe-network-interfaces).</summary>
    NetworkInterfaces,

    /// <summary>describe-security-group-rules (rule ids); the rules themselves come with <see cref="SecurityGroups"/> too.</summary>
    SecurityGroupRules,

    /// <summary>eks list-access-entries / describe-access-entry.</summary>
    AccessEntries,

    /// <summary>eks list-associated-access-policies.</summary>
    AccessPolicyAssociations,
}
