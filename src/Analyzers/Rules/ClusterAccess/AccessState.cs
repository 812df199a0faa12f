using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.Analyzers.Rules.ClusterAccess;

/// <summary>The state the cluster-access rules declare: which roles the nodes use (nodes or instances, and the instance
/// profiles that give their roles), what admits them (aws-auth, access entries) and the cluster's authentication mode.</summary>
internal static class AccessState
{
    /// <summary>Which roles running nodes authenticate with: node -> instance (providerID) -> instance profile -> role.</summary>
    public static readonly StateNeed[] NodeRoles =
    [
        StateNeed.Either(StateNeed.Nodes, StateNeed.Instances),
        StateNeed.Either(StateNeed.Iam, StateNeed.InstanceProfiles),
    ];

    /// <summary>The needs of <paramref name="rule"/> that were not given, each with why this change needed it.</summary>
    public static IEnumerable<string> NotGiven(AnalysisContext context, IEnumerable<StateNeed> needs, string because) =>
        needs.Where(n => !n.IsLoaded(context.Before)).Select(n => $"{n}: {because}");
}
