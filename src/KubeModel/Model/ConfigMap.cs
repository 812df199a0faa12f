using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.KubeModel.Model;

/// <summary>A ConfigMap (kube-system ones matter: kubeadm-config, aws-auth, kube-proxy).</summary>
public sealed record ConfigMap
{
    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public ImmutableDictionary<string, string> Data { get; init; } = ImmutableDictionary<string, string>.Empty;

    public required SourceRef Source { get; init; }
}
