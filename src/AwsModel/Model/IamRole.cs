using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Model;

/// <summary>An IAM role as <c>iam get-account-authorization-details</c> (RoleDetailList) shows it.
/// Policy documents are kept as JSON text; the policy evaluator parses them.</summary>
public sealed record IamRole
{
    public required string Arn { get; init; }

    public required string Name { get; init; }

    public string? RoleId { get; init; }

    public string Path { get; init; } = "/";

    /// <summary>The trust policy (AssumeRolePolicyDocument), URL-decoded JSON text.</summary>
    public string? AssumeRolePolicy { get; init; }

    /// <summary>Inline policies by name, JSON text.</summary>
    public ImmutableDictionary<string, string> InlinePolicies { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableArray<string> AttachedManagedPolicyArns { get; init; } = [];

    public string? PermissionsBoundaryArn { get; init; }

    /// <summary>ARNs of the instance profiles that contain this role.</summary>
    public ImmutableArray<string> InstanceProfileArns { get; init; } = [];

    public IReadOnlyDictionary<string, string> Tags { get; init; } = Model.Tags.None;

    /// <summary>True for a role the projected plan creates (a replacement is a new object with a new RoleId).</summary>
    public bool CreatedByPlan { get; init; }

    /// <summary>True when the source did not list the role's policies (iam get-role, list-roles, a role inside an
    /// instance profile): empty <see cref="InlinePolicies"/>/<see cref="AttachedManagedPolicyArns"/> then mean
    /// "not read", not "none".</summary>
    public bool PoliciesIncomplete { get; init; }

    public required SourceRef Source { get; init; }
}
