using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Model;

/// <summary>AWS resource tags, case-sensitive keys as AWS keeps them, in a compact map (a state of 10,000 instances holds
/// 50,000 tags).</summary>
public static class Tags
{
    public static readonly IReadOnlyDictionary<string, string> None = SortedNameDictionary<string>.Empty;

    /// <summary>Tags given as key/value pairs in any order; a key given twice keeps its last value.</summary>
    public static IReadOnlyDictionary<string, string> Of(ReadOnlySpan<KeyValuePair<string, string>> pairs) => SortedNameDictionary<string>.From(pairs);
}
