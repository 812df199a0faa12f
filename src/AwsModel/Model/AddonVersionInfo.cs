using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Model;

/// <summary>One add-on version as <c>eks describe-addon-versions</c> publishes it: the cluster versions EKS lists it as
/// compatible with (addonVersions[].compatibilities[].clusterVersion).</summary>
public sealed record AddonVersionInfo
{
    public required string AddonName { get; init; }

    public required string Version { get; init; }

    public ImmutableArray<string> ClusterVersions { get; init; } = [];

    /// <summary>The cluster versions for which this is the default version (compatibilities[].defaultVersion).</summary>
    public ImmutableArray<string> DefaultFor { get; init; } = [];

    public required SourceRef Source { get; init; }
}
