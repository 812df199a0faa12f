using System.Collections.Immutable;
using Kalc.Iac.AwsModel.Model;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary>The lists one file's reader fills; frozen into an <see cref="AwsStateFragment"/> at the end.</summary>
internal sealed class FragmentParts(string file)
{
    public string File { get; } = file;
    public List<IamRole> Roles { get; } = [];
    public List<IamRole> EmbeddedRoles { get; } = [];
    public List<InstanceProfile> InstanceProfiles { get; } = [];
    public List<ManagedPolicy> Policies { get; } = [];
    public List<OidcProvider> OidcProviders { get; } = [];
    public List<OidcProvider> OidcProviderDetails { get; } = [];
    public List<Ec2Instance> Instances { get; } = [];
    public List<Subnet> Subnets { get; } = [];
    public List<Vpc> Vpcs { get; } = [];
    public List<SecurityGroup> SecurityGroups { get; } = [];
    public List<LaunchTemplateVersion> LaunchTemplateVersions { get; } = [];
    public List<AutoScalingGroup> AutoScalingGroups { get; } = [];
    public List<EksCluster> EksClusters { get; } = [];
    public List<PodIdentityAssociation> PodIdentityAssociations { get; } = [];
    public List<SecurityGroupRule> SecurityGroupRules { get; } = [];
    public List<NetworkInterface> NetworkInterfaces { get; } = [];
    public List<AccessEntry> AccessEntries { get; } = [];
    public List<AccessPolicyAssociation> AccessPolicyAssociations { get; } = [];
    public List<RouteTable> RouteTables { get; } = [];
    public List<EksNodegroup> Nodegroups { get; } = [];
    public List<FargateProfile> FargateProfiles { get; } = [];
    public List<EksAddon> Addons { get; } = [];
    public List<AddonVersionInfo> AddonVersions { get; } = [];
    public List<ListedName> Listed { get; } = [];
    public HashSet<AwsStateKind> Loaded { get; } = [];
    public List<string> Missing { get; } = [];
    public string? AccountId { get; set; }
    public int RoleDetail { get; set; }
    public int AssociationDetail { get; set; }

    public AwsStateFragment Freeze(string command, string? truncatedBy) => new()
    {
        File = File,
        Command = command,
        TruncatedBy = truncatedBy,
        RoleDetail = RoleDetail,
        AssociationDetail = AssociationDetail,
        EmbeddedRoles = [.. EmbeddedRoles],
        OidcProviderDetails = [.. OidcProviderDetails],
        SecurityGroupRules = [.. SecurityGroupRules],
        Listed = [.. Listed],
        State = new AwsState
        {
            AccountId = AccountId,
            Roles = [.. Roles],
            InstanceProfiles = [.. InstanceProfiles],
            Policies = [.. Policies],
            OidcProviders = [.. OidcProviders],
            Instances = [.. Instances],
            Subnets = [.. Subnets],
            Vpcs = [.. Vpcs],
            SecurityGroups = [.. SecurityGroups],
            LaunchTemplateVersions = [.. LaunchTemplateVersions],
            AutoScalingGroups = [.. AutoScalingGroups],
            EksClusters = [.. EksClusters],
            PodIdentityAssociations = [.. PodIdentityAssociations],
            NetworkInterfaces = [.. NetworkInterfaces],
            AccessEntries = [.. AccessEntries],
            AccessPolicyAssociations = [.. AccessPolicyAssociations],
            RouteTables = [.. RouteTables],
            Nodegroups = [.. Nodegroups],
            FargateProfiles = [.. FargateProfiles],
            Addons = [.. Addons],
            AddonVersions = [.. AddonVersions],
            Loaded = [.. Loaded],
            Missing = [.. Missing],
        },
    };
}
