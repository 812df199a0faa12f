using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Model;

/// <summary>An EC2 instance profile: the container that hands one role's credentials to instances through IMDS.</summary>
public sealed record InstanceProfile
{
    public required string Arn { get; init; }

    public required string Name { get; init; }

    public string? InstanceProfileId { get; init; }

    public string Path { get; init; } = "/";

    /// <summary>Names of the roles inside (AWS allows at most one).</summary>
    public ImmutableArray<string> RoleNames { get; init; } = [];

    /// <summary>True for a profile the projected plan creates: instances associated with the object it replaces are not associated with it.</summary>
    public bool CreatedByPlan { get; init; }

    public required SourceRef Source { get; init; }
}
