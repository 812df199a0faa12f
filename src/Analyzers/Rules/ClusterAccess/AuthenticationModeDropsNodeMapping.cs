using Kalc.Iac.Analyzers.ClusterAccess;
using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.Analyzers.Rules.ClusterAccess;

/// <summary>KIAC403: the cluster's authentication mode changes so that the only mapping that admits running nodes (an
/// aws-auth entry under API, an access entry under CONFIG_MAP) stops counting.</summary>
public sealed class AuthenticationModeDropsNodeMapping : IRule, IRequiresState
{
    public const string Id = "KIAC403";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "cluster-access",
        "Authentication mode change leaves running nodes without a mapping that counts",
        Severity.Critical,
        rationale: "An EKS cluster's access_config.authentication_mode decides what admits a kubelet's IAM role: aws-auth only " +
            "(CONFIG_MAP), aws-auth and access entries (API_AND_CONFIG_MAP), or access entries only (API). EKS moves only " +
            "CONFIG_MAP -> API_AND_CONFIG_MAP -> API. Switching to API while the node role is mapped only in aws-auth - common " +
            "for self-managed node groups, and for managed ones whose access entry was never created or was deleted - makes " +
            "EKS ignore that mapping: every such node goes NotReady. CONFIG_MAP -> API_AND_CONFIG_MAP keeps aws-auth and is quiet.",
        remediation: "Create an EC2_LINUX (or EC2_WINDOWS / FARGATE_LINUX) access entry for every node role first and check it with " +
            "`aws eks list-access-entries`, then switch to API; or stay on API_AND_CONFIG_MAP until aws-auth is migrated.",
        "kubelet")
        .Judging(["aws_eks_cluster"]) with
        {
            ReadsWhenRelevant = [StateNeed.EksClusters, StateNeed.AccessEntries, .. AccessState.NodeRoles, StateNeed.ConfigMaps],
        };

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<string> MissingState(AnalysisContext context)
    {
        var access = context.Analysis<NodeAccessAnalysis>();
        if (access.Mode is not { } mode) return [];
        var because = $"the plan changes the authentication mode of EKS cluster {mode.Change.Change.Address} from {mode.Before} to {mode.After ?? "a value known only after apply"}";
        var missing = access.Unknown.Where(u => u.Contains("authentication mode", StringComparison.Ordinal)).ToList();
        List<StateNeed> needs = [StateNeed.EksClusters, .. AccessState.NodeRoles];
        if (mode.After is null or "API" or "API_AND_CONFIG_MAP") needs.Add(StateNeed.AccessEntries);
        if (mode.Before is "CONFIG_MAP" or "API_AND_CONFIG_MAP" && !context.MappedOf<Mapping.Kubernetes.ConfigMapChange>().Any(c => c.IsAwsAuth)) needs.Add(StateNeed.ConfigMaps);
        missing.AddRange(AccessState.NotGiven(context, needs, because));
        return missing;
    }

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        var access = context.Analysis<NodeAccessAnalysis>();
        if (access.Mode is not { After: { } after } mode) yield break;
        var losses = access.Losses.Where(l => l.CausedBy.Contains(mode.Change.Change)).ToList();
        if (losses.Count > 0)
            yield return AccessFindings.Build(Rule, losses, $"changes the authentication mode from {mode.Before} to {after}");
    }
}
