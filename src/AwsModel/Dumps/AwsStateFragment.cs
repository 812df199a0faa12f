using System.Collections.Immutable;
using Kalc.Iac.AwsModel.Model;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary>What one aws-cli output file says, before it is merged with the other files of the dump: the records it
/// holds (as an <see cref="AwsState"/> of its own), plus what the merge needs to join and rank them.</summary>
public sealed record AwsStateFragment
{
    public required string File { get; init; }

    /// <summary>The aws-cli command the content was recognised as, e.g. "ec2 describe-instances".</summary>
    public required string Command { get; init; }

    /// <summary>The records of this file; <c>Missing</c> holds per-file notes (an undecodable policy document).</summary>
    public required AwsState State { get; init; }

    /// <summary>The pagination field that says more pages exist ("NextToken", "nextToken", "IsTruncated: true"), or null.</summary>
    public string? TruncatedBy { get; init; }

    /// <summary>How complete each role record is: full details outrank a single get-role, which outranks a list entry.</summary>
    public int RoleDetail { get; init; }

    /// <summary>describe-pod-identity-association (with the role) outranks a list entry (without).</summary>
    public int AssociationDetail { get; init; }

    /// <summary>Roles as they appear inside an instance profile: identity and trust policy only.</summary>
    public ImmutableArray<IamRole> EmbeddedRoles { get; init; } = [];

    /// <summary>describe-security-group-rules output: rules the merge folds into their groups.</summary>
    public ImmutableArray<SecurityGroupRule> SecurityGroupRules { get; init; } = [];

    /// <summary>get-open-id-connect-provider output: everything but the ARN, which the merge supplies.</summary>
    public ImmutableArray<OidcProvider> OidcProviderDetails { get; init; } = [];

    /// <summary>Names printed by list commands (list-nodegroups, list-fargate-profiles, list-addons).</summary>
    public ImmutableArray<ListedName> Listed { get; init; } = [];
}
