using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Catalog;
using Kalc.Iac.Analyzers.Cluster;
using Kalc.Iac.AwsModel.Model;

namespace Kalc.Iac.Analyzers.Rules.Permissions;

/// <summary>One component running as one IAM role (before the change), with where it runs and how the role was found.</summary>
public sealed record ComponentPrincipal
{
    public required string Component { get; init; }

    public required ComponentRequirements Requirements { get; init; }

    public required IamRole Role { get; init; }

    public required IdentitySource Source { get; init; }

    /// <summary>How the role was resolved, e.g. "node i-0abc -> instance profile P -> role R".</summary>
    public required string HowResolved { get; init; }

    /// <summary>True for a DaemonSet or kubelet: every node it runs on is hit.</summary>
    public bool OnEveryNode { get; init; }

    public ImmutableArray<string> Workloads { get; init; } = [];

    public ImmutableArray<string> ServiceAccounts { get; init; } = [];

    public ImmutableArray<string> Nodes { get; init; } = [];

    public ImmutableArray<string> Instances { get; init; } = [];

    /// <summary>Workloads that need this component's AWS calls on their behalf (<see cref="OnBehalfDependents"/>).</summary>
    public ImmutableArray<ClusterWorkload> Dependents { get; init; } = [];
}
