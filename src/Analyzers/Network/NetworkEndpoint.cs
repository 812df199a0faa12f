using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Rules.Kubespray;

namespace Kalc.Iac.Analyzers.Network;

/// <summary>One side of a flow: a set of ENIs that share their security groups (the EKS control plane's ENIs, or the
/// nodes of one security-group set), with the addresses they may have (exact node IPs, or the subnets the control plane's
/// ENIs are placed in when their IPs are not in the state).</summary>
public sealed record NetworkEndpoint
{
    /// <summary>In words: "the EKS control plane of prod", "12 nodes with sg-0a, sg-0b".</summary>
    public required string Name { get; init; }

    public required ImmutableArray<string> GroupIds { get; init; }

    /// <summary>False when the groups on these ENIs are not in the state: every evaluation is then unknown.</summary>
    public bool GroupsKnown { get; init; } = true;

    public ImmutableArray<Cidr> Addresses { get; init; } = [];

    public ImmutableArray<string> Instances { get; init; } = [];

    public ImmutableArray<string> Nodes { get; init; } = [];
}
