using System.Collections.Immutable;

namespace Kalc.Iac.AwsModel.Model;

/// <summary>AWS resource tags, case-sensitive keys as AWS keeps them.</summary>
public static class Tags
{
    public static readonly ImmutableDictionary<string, string> None = ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);
}
