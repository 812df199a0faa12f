using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Model;

public sealed record Vpc
{
    public required string VpcId { get; init; }

    /// <summary>Every IPv4 CIDR associated with the VPC (primary first).</summary>
    public ImmutableArray<string> CidrBlocks { get; init; } = [];

    public IReadOnlyDictionary<string, string> Tags { get; init; } = Model.Tags.None;

    public required SourceRef Source { get; init; }
}
