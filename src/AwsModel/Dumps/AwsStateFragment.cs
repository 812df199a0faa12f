using System.Collections.Immutable;
using Kalc.Iac.AwsModel.Model;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary>What one aws-cli output file says, before it is merged with the other files of the dump.</summary>
public sealed record AwsStateFragment
{
    public required string File { get; init; }

    /// <summary>The aws-cli command the content was recognised as, e.g. "ec2 describe-instances".</summary>
    public required string Command { get; init; }

    /// <summary>The pagination field that says more pages exist ("NextToken", "nextToken", "IsTruncated"), or null.</summary>
    public string? TruncatedBy { get; init; }

    /// <summary>How complete each role record is: full details outrank a single get-role, which outranks a list entry.</summary>
    public int RoleDetail { get; init; }

    /// <summary>describe-pod-identity-association (with the role) outranks a list entry (without).</summary>
    public int AssociationDetail { get; init; }

    public string? AccountId { get; init; }

    public ImmutableArray<IamRole> Roles { get; init; } = [];

    /// <summary>Roles as they appear inside an instance profile: identity and trust policy only.</summary>
    public ImmutableArray<IamRole> EmbeddedRoles { get; init; } = [];

    public ImmutableArray<InstanceProfile> InstanceProfiles { get; init; } = [];

    public ImmutableArray<ManagedPolicy> Policies { get; init; } = [];

    public ImmutableArray<OidcProvider> OidcProviders { get; init; } = [];

    /// <summary>get-open-id-connect-provider output: everything but the ARN, which the merge supplies.</summary>
    public ImmutableArray<OidcProvider> OidcProviderDetails { get; init; } = [];

    public ImmutableArray<Ec2Instance> Instances { get; init; } = [];

    public ImmutableArray<Subnet> Subnets { get; init; } = [];

    public ImmutableArray<Vpc> Vpcs { get; init; } = [];

    public ImmutableArray<SecurityGroup> SecurityGroups { get; init; } = [];

    public ImmutableArray<LaunchTemplateVersion> LaunchTemplateVersions { get; init; } = [];

    public ImmutableArray<AutoScalingGroup> AutoScalingGroups { get; init; } = [];

    public ImmutableArray<EksCluster> EksClusters { get; init; } = [];

    public ImmutableArray<PodIdentityAssociation> PodIdentityAssociations { get; init; } = [];

    public ImmutableHashSet<AwsStateKind> Loaded { get; init; } = [];

    /// <summary>Per-file notes on what could not be used (an undecodable policy document).</summary>
    public ImmutableArray<string> Missing { get; init; } = [];
}
