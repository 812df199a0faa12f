using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.KubeModel.Model;

/// <summary>A karpenter NodePool (karpenter.sh/v1 or v1beta1): the node class its nodes launch with.
/// https://karpenter.sh/docs/concepts/nodepools/</summary>
public sealed record KarpenterNodePool
{
    public required string Name { get; init; }

    public required string ApiVersion { get; init; }

    /// <summary>spec.template.spec.nodeClassRef.name: the EC2NodeClass.</summary>
    public string? NodeClassName { get; init; }

    public string? NodeClassKind { get; init; }

    public required SourceRef Source { get; init; }
}
