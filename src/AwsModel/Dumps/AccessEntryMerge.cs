using System.Collections.Immutable;
using Kalc.Iac.AwsModel.Model;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary>Access entries of all files, one per cluster and principal: a describe-access-entry copy (type, groups)
/// outranks a list-access-entries one. A list output does not name its cluster: its entries are given the dump's only
/// cluster (from describe-cluster or describe-access-entry outputs), and keep "" (cluster unknown) when there are several.</summary>
internal static class AccessEntryMerge
{
    public static ImmutableArray<AccessEntry> Merge(IReadOnlyList<AwsStateFragment> fragments)
    {
        var clusters = fragments.SelectMany(f => f.State.EksClusters.Select(c => c.Name))
            .Concat(fragments.SelectMany(f => f.State.AccessEntries.Where(e => !e.ListedOnly).Select(e => e.ClusterName)))
            .Distinct(StringComparer.Ordinal).ToList();
        var only = clusters.Count == 1 ? clusters[0] : "";
        var entries = fragments.SelectMany(f => f.State.AccessEntries)
            .Select(e => (e.ListedOnly ? e with { ClusterName = only } : e, e.ListedOnly ? 0 : 1));
        return AwsStateMerger.Dedupe(entries, e => $"{e.ClusterName}|{e.PrincipalArn}");
    }
}
