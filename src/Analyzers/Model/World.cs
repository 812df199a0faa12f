using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.Analyzers.Model;

/// <summary>AWS and Kubernetes state at one moment. Immutable; the projection of a change returns a new World.</summary>
public sealed record World(AwsState Aws, KubeState Kube)
{
    public static readonly World Empty = new(AwsState.Empty, KubeState.Empty);
}
