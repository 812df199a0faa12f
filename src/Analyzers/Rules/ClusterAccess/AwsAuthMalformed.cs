using Kalc.Iac.Analyzers.ClusterAccess;
using Kalc.Iac.Core;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Rules.ClusterAccess;

/// <summary>KIAC405: the aws-auth the change writes is not what aws-iam-authenticator can read (malformed YAML, a mis-cased
/// key, an entry without rolearn).</summary>
public sealed class AwsAuthMalformed : IRule
{
    public const string Id = "KIAC405";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "cluster-access",
        "aws-auth written by the change is malformed",
        Severity.High,
        rationale: "aws-iam-authenticator ignores a mapRoles / mapUsers value it cannot parse as a YAML list, a key spelled in another " +
            "case (maproles), and an entry without rolearn / userarn: everything such a value was meant to map is unmapped. A " +
            "change that writes such an aws-auth is reported even when no node relies on it yet.",
        remediation: "Fix the YAML (a list of entries with rolearn/userarn, username, groups under the exact keys mapRoles and mapUsers); " +
            "render it with yamlencode() rather than string templates.",
        "kubelet", "kube-apiserver")
        .Judging(["kubernetes_config_map", "kubernetes_config_map_v1", "kubernetes_config_map_v1_data", "helm_release"]);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        if (context.Analysis<NodeAccessAnalysis>().AwsAuth is not { Problems.Length: > 0 } after) yield break;
        var change = after.Changes[^1];
        yield return new Finding
        {
            RuleId = Id,
            Severity = Rule.Severity,
            Title = Rule.Title,
            Message = $"{change.Address} writes a kube-system/aws-auth that aws-iam-authenticator cannot fully read: {after.Problems[0]}.",
            Change = new ChangeRef(change.Address, [.. change.Actions.Select(a => a.ToWire())]),
            Source = change.SourceLine is { } line ? new SourceRef(change.SourceFile, line) : null,
            Impact = new Impact { Components = ["kube-apiserver"], TimeToImpact = TimeToImpact.Immediate },
            Evidence = [.. after.Problems.Select(p => new Evidence(p, SourceRef.Of(AccessFindings.From(change))))],
            Remediation = Rule.Remediation,
        };
    }
}
