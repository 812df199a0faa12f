using System.Collections.Frozen;

namespace Kalc.Iac.AwsModel.Live.Signed;

/// <summary>What the XML of a query-protocol reply cannot say by itself and aws-cli's JSON needs: which
/// elements are lists when empty, which leaves are numbers or booleans, and which hold URL-encoded JSON
/// documents (IAM sends policies URL-encoded; aws-cli prints them as JSON objects).</summary>
public sealed record QueryShape
{
    public FrozenSet<string> Lists { get; init; } = FrozenSet<string>.Empty;

    public FrozenSet<string> Numbers { get; init; } = FrozenSet<string>.Empty;

    public FrozenSet<string> Booleans { get; init; } = FrozenSet<string>.Empty;

    public FrozenSet<string> Documents { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Elements of the Result that are paging bookkeeping, not data (IsTruncated, Marker, NextToken).</summary>
    public FrozenSet<string> Paging { get; init; } = FrozenSet<string>.Empty;

    public static FrozenSet<string> Set(params string[] names) => names.ToFrozenSet(StringComparer.Ordinal);
}
