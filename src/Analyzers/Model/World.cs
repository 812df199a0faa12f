using System.Collections.Immutable;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.Analyzers.Model;

/// <summary>AWS and Kubernetes state at one moment. Immutable; the projection of a change returns a new World.</summary>
public sealed record World(AwsState Aws, KubeState Kube)
{
    public static readonly World Empty = new(AwsState.Empty, KubeState.Empty);

    /// <summary>Facts the projection could not know (e.g. a policy text known only after apply), keyed by what they concern.</summary>
    public ImmutableDictionary<string, string> Unknowns { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Notes on how the world was built, e.g. "nodes inferred from EC2 tags".</summary>
    public ImmutableArray<string> Notes { get; init; } = [];
}
