using System.Collections.Immutable;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.ClusterAccess;

/// <summary>A role that running nodes (or a Fargate profile's pods) authenticate with, authenticated before the change
/// and not after: its kubelets will be refused.</summary>
public sealed record NodeAccessLoss
{
    public required string RoleArn { get; init; }

    /// <summary>How nodes use the role: "instance profile X on 12 instances", "Fargate profile fp-default".</summary>
    public required string UsedBy { get; init; }

    public required ImmutableArray<string> Instances { get; init; }

    public required ImmutableArray<string> Nodes { get; init; }

    public ImmutableArray<string> FargateProfiles { get; init; } = [];

    /// <summary>What admitted it before ("aws-auth data.mapRoles[0] maps it to system:nodes, system:bootstrappers").</summary>
    public required string Before { get; init; }

    /// <summary>Why it is not admitted after.</summary>
    public required string After { get; init; }

    public required ImmutableArray<ResourceChange> CausedBy { get; init; }

    public required string Evidence { get; init; }
}
