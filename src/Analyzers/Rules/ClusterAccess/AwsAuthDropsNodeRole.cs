using Kalc.Iac.Analyzers.ClusterAccess;
using Kalc.Iac.Analyzers.Mapping.Kubernetes;
using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.Analyzers.Rules.ClusterAccess;

/// <summary>KIAC401: aws-auth is rewritten so that a role running nodes or a Fargate profile use loses its mapping or its
/// system:nodes / system:bootstrappers groups.</summary>
public sealed class AwsAuthDropsNodeRole : IRule, IRequiresState
{
    public const string Id = "KIAC401";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "cluster-access",
        "aws-auth no longer maps a role that running nodes use",
        Severity.Critical,
        rationale: "With authentication mode CONFIG_MAP or API_AND_CONFIG_MAP, EKS admits a kubelet only when the kube-system/aws-auth " +
            "ConfigMap maps its node role (from the instance profile) to the groups system:bootstrappers and system:nodes, unless a " +
            "node access entry admits it. A kubernetes_config_map(_v1), kubernetes_config_map_v1_data, Pulumi ConfigMap or a helm_release " +
            "rendering aws-auth (from the provider's manifest, or a raw chart's values) that " +
            "rewrites mapRoles without that entry - often a module managing aws-auth that is handed only the human roles - makes " +
            "every such node NotReady within minutes. mapRoles is parsed as aws-iam-authenticator parses it: keys of entries are " +
            "case-insensitive, the data key is not, malformed YAML maps nothing.",
        remediation: "Keep the node role's mapRoles entry (rolearn without path, username system:node:{{EC2PrivateDNSName}}, groups " +
            "system:bootstrappers and system:nodes) in the new aws-auth, or create an EC2_LINUX access entry for the role and switch " +
            "the cluster to API_AND_CONFIG_MAP before removing it.",
        "kubelet")
        .Judging(["kubernetes_config_map", "kubernetes_config_map_v1", "kubernetes_config_map_v1_data", "helm_release"], AccessState.NodeRoles);

    public RuleDescriptor Descriptor => Rule;

    /// <summary>What only the analysis can tell: aws-auth after the change when its data is known only after apply, and the
    /// other objects a helm_release writes along with aws-auth, which no rule reads.</summary>
    public IEnumerable<string> MissingState(AnalysisContext context)
    {
        var changes = context.MappedOf<ConfigMapChange>().Where(c => c.IsAwsAuth).ToList();
        if (changes.Count == 0) return [];
        var missing = context.Analysis<NodeAccessAnalysis>().Unknown.Where(u => u.StartsWith("aws-auth", StringComparison.Ordinal)).ToList();
        foreach (var c in changes.Where(c => !c.OtherObjects.IsEmpty))
            missing.Add($"{c.Change.Address} also renders {string.Join(", ", c.OtherObjects.Take(5))}{(c.OtherObjects.Length > 5 ? $" and {c.OtherObjects.Length - 5} more" : "")}: only its aws-auth is analysed");
        return missing;
    }

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        var losses = context.Analysis<NodeAccessAnalysis>().Losses.Where(l => l.CausedBy.Any(c => c.Type.StartsWith("kubernetes_config_map", StringComparison.Ordinal) || c.Type == "helm_release")).ToList();
        if (losses.Count > 0)
            yield return AccessFindings.Build(Rule, losses, "rewrites kube-system/aws-auth");
    }
}
