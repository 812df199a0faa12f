using System.Collections.Immutable;

namespace Kalc.Iac.Core.Live;

/// <summary>What a live read produced: the state documents (in the offline formats) and every call that
/// failed. Any failure makes the verdict <c>incomplete</c>.</summary>
public sealed record LiveReadResult
{
    public ImmutableArray<StateDocument> Documents { get; init; } = [];

    public ImmutableArray<ReadFailure> Failures { get; init; } = [];

    /// <summary>The AWS account (from sts get-caller-identity), or the Kubernetes context name.</summary>
    public string? Account { get; init; }

    /// <summary>The AWS region read, or the Kubernetes API server URL.</summary>
    public string? Region { get; init; }

    public bool IsComplete => Failures.IsEmpty;
}
