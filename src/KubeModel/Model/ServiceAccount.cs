using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.KubeModel.Model;

public sealed record ServiceAccount
{
    public const string IrsaRoleAnnotation = "eks.amazonaws.com/role-arn";

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public ImmutableDictionary<string, string> Annotations { get; init; } = ImmutableDictionary<string, string>.Empty;

    public required SourceRef Source { get; init; }

    public string? IrsaRoleArn => Annotations.TryGetValue(IrsaRoleAnnotation, out var a) ? a : null;

    public string Key => $"{Namespace}/{Name}";
}
