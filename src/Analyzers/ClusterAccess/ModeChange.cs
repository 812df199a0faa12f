using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.Analyzers.Mapping.Aws;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.ClusterAccess;

/// <summary>An in-place change of the EKS cluster's access_config.authentication_mode: from what (the state's
/// accessConfig, else the plan's before, else CONFIG_MAP - the default of clusters older than access entries) to what
/// (null when the plan cannot tell, with why).</summary>
public sealed record ModeChange(EksClusterChange Change, string Before, string? After, string? WhyUnknown)
{
    /// <summary>The mode change the plan makes to <paramref name="cluster"/> (or to the only cluster it updates), or null.</summary>
    public static ModeChange? Of(EksCluster? cluster, IReadOnlyList<EksClusterChange> changes)
    {
        foreach (var c in changes)
        {
            if (c.Status != MappingStatus.Analysed || c.Change.Kind != ChangeKind.Update || c.After is null) continue;
            var name = c.After.Name.Value ?? c.Before?.Name.Value;
            if (cluster is not null && name is not null && name != cluster.Name) continue;
            var before = cluster?.AuthenticationMode ?? c.Before?.AuthenticationMode.Value ?? "CONFIG_MAP";
            if (!c.After.AuthenticationMode.IsKnown) return new ModeChange(c, before, null, c.After.AuthenticationMode.WhyUnknown);
            if (c.After.AuthenticationMode.Value is not { } after || after == before) continue;
            return new ModeChange(c, before, after, null);
        }
        return null;
    }
}
