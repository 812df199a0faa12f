using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Model;

public sealed record SecurityGroup
{
    public required string GroupId { get; init; }

    public string? GroupName { get; init; }

    public string? VpcId { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = Model.Tags.None;

    /// <summary>Ingress and egress rules, one peer each (IpPermissions / IpPermissionsEgress, or describe-security-group-rules).</summary>
    public ImmutableArray<SecurityGroupRule> Rules { get; init; } = [];

    public required SourceRef Source { get; init; }
}
