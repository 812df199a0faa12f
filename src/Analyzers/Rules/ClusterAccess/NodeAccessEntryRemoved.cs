using Kalc.Iac.Analyzers.ClusterAccess;
using Kalc.Iac.Analyzers.Mapping.Aws;
using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.Analyzers.Rules.ClusterAccess;

/// <summary>KIAC402: an EKS access entry of a node type (EC2_LINUX, EC2_WINDOWS, FARGATE_LINUX) that admits running nodes is
/// destroyed, and nothing else (aws-auth under API_AND_CONFIG_MAP) admits them.</summary>
public sealed class NodeAccessEntryRemoved : IRule, IRequiresState
{
    public const string Id = "KIAC402";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "cluster-access",
        "Access entry that admits running nodes is destroyed",
        Severity.Critical,
        rationale: "With authentication mode API or API_AND_CONFIG_MAP, EKS admits a kubelet through an access entry of type " +
            "EC2_LINUX, EC2_WINDOWS or FARGATE_LINUX for its role (EKS adds the node groups itself). Destroying that " +
            "aws_eks_access_entry - or replacing it, which destroys it first - leaves the nodes unauthenticated unless aws-auth still " +
            "maps the role and the mode still reads aws-auth.",
        remediation: "Keep the access entry (remove it from the change, or `terraform state rm` it if it leaves this configuration), " +
            "or map the role in aws-auth under API_AND_CONFIG_MAP first.",
        "kubelet")
        .Judging(["aws_eks_access_entry"]) with { ReadsWhenRelevant = [StateNeed.EksClusters, StateNeed.AccessEntries, .. AccessState.NodeRoles] };

    public RuleDescriptor Descriptor => Rule;

    /// <summary>Destroying an access entry is judged against the cluster's mode, its other entries and the nodes' roles.</summary>
    public IEnumerable<string> MissingState(AnalysisContext context) =>
        context.MappedOf<AccessEntryChange>().FirstOrDefault(c => c.Change.IsDelete) is { } removed
            ? AccessState.NotGiven(context, Rule.ReadsWhenRelevant, $"the plan destroys access entry {removed.Change.Address}")
            : [];

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        var losses = context.Analysis<NodeAccessAnalysis>().Losses.Where(l => l.CausedBy.Any(c => c.Type == "aws_eks_access_entry")).ToList();
        foreach (var group in losses.GroupBy(l => l.CausedBy.First(c => c.Type == "aws_eks_access_entry").Address, StringComparer.Ordinal))
            yield return AccessFindings.Build(Rule, [.. group], "destroys the access entry");
    }
}
