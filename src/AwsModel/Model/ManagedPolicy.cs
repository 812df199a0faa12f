using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Model;

/// <summary>A managed policy (AWS- or customer-managed) with its default version's document.</summary>
public sealed record ManagedPolicy
{
    public required string Arn { get; init; }

    public required string Name { get; init; }

    public string? PolicyId { get; init; }

    public string? DefaultVersionId { get; init; }

    /// <summary>The default version's document, JSON text; null when the dump did not include it.</summary>
    public string? Document { get; init; }

    public bool IsAwsManaged => Arn.StartsWith("arn:aws:iam::aws:", StringComparison.Ordinal) ||
        Arn.Contains(":iam::aws:policy/", StringComparison.Ordinal);

    public required SourceRef Source { get; init; }
}
