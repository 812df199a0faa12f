using Kalc.Iac.Analyzers.Catalog;
using Kalc.Iac.Analyzers.Mapping.Aws;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Rules.Lifecycle;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Rules.Addons;

/// <summary>KIAC604: an EKS add-on's version changes to one that is not published for the cluster's Kubernetes version. A patch
/// of the line it runs (same major.minor) is taken as supported; another line is judged by describe-addon-versions in the state,
/// the bundled catalog, and for kube-proxy the version skew policy; when none of them decides, the run is incomplete.</summary>
public sealed class AddonVersionUnsupported : IRule, IRequiresState
{
    public const string Id = "KIAC604";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "addons",
        "EKS add-on version is not one published for the cluster's Kubernetes version",
        Severity.High,
        rationale: "EKS publishes, for every add-on version, the Kubernetes versions it is compatible with (aws eks describe-addon-versions). " +
            "UpdateAddon rejects other versions, or - for a version the cluster's API server does not serve the APIs of - the add-on's pods " +
            "crash after the update: kube-proxy newer than the API server, CoreDNS built for another Kubernetes line.",
        remediation: "Pick a version that aws eks describe-addon-versions --kubernetes-version <cluster version> --addon-name <add-on> lists; " +
            "update the control plane first, then the add-ons, one minor line at a time.",
        "aws-node", "coredns", "kube-proxy", "ebs-csi-controller", "eks-pod-identity-agent")
        .Judging(["aws_eks_addon", "aws_eks_cluster"]);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<string> MissingState(AnalysisContext context)
    {
        foreach (var (c, name, version, cluster) in Judged(context))
        {
            if (cluster is null)
                yield return $"EKS cluster version (aws eks describe-cluster --name {c.After?.ClusterName.Value}): needed to judge add-on {name} {version} ({c.Change.Address})";
            else if (Compatibility(context).Check(name, version, cluster) is null)
                yield return $"add-on versions (aws eks describe-addon-versions --addon-name {name} --kubernetes-version {cluster}): whether {name} {version} runs on Kubernetes {cluster} is not known ({c.Change.Address})";
        }
    }

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        var compatibility = Compatibility(context);
        foreach (var (c, name, version, cluster) in Judged(context))
        {
            if (cluster is null || compatibility.Check(name, version, cluster) is not { Compatible: false } verdict) continue;
            var role = AddonRole.Known.GetValueOrDefault(name);
            var evidence = new List<Step>
            {
                Step.Plan(c.Change, $"add-on {name} goes from {c.Before?.Version.Value ?? "(new)"} to {version}"),
                new($"cluster {c.After!.ClusterName.Value} runs Kubernetes {cluster}", ClusterSource(context, c.After.ClusterName.Value) ?? c.Change.Source),
                new(verdict.Fact, verdict.From),
            };
            if (role is not null) evidence.Add(Step.Reference($"symptom: the update fails, or the add-on's pods fail on this API server; if {name} stops, {role.WhenGone}", role.Reference));
            evidence.Add(new("when: immediate - with the apply's UpdateAddon", Kalc.Iac.Core.SourceRef.Of("EKS")));
            yield return LifecycleFindings.For(Rule, c.Change,
                $"EKS add-on {name} {version} is not published for Kubernetes {cluster}, which cluster {c.After.ClusterName.Value} runs.",
                new Impact { Components = [role?.Component ?? name], TimeToImpact = TimeToImpact.Immediate },
                evidence);
        }
    }

    private static AddonCompatibility Compatibility(AnalysisContext context) => new(context.Before.Aws.AddonVersions);

    /// <summary>Version changes that need judging (not a patch of the same line on an unchanged cluster) with the cluster version they land on.</summary>
    private static IEnumerable<(EksAddonChange Change, string Name, string Version, string? ClusterVersion)> Judged(AnalysisContext context)
    {
        foreach (var c in context.MappedOf<EksAddonChange>())
        {
            if (c.Change.Kind is not (ChangeKind.Update or ChangeKind.Replace or ChangeKind.Create)) continue;
            if (c.After?.AddonName.Value is not { } name || c.After.Version.Value is not { } version) continue;
            var before = c.Before?.Version.Value;
            if (before == version) continue;
            var cluster = ClusterVersion(context, c.After.ClusterName.Value);
            var clusterChanges = context.MappedOf<EksClusterChange>().Any(x => x.After?.Name.Value == c.After.ClusterName.Value && x.Before?.Version.Value != x.After?.Version.Value);
            if (before is not null && !clusterChanges && AddonCompatibility.Minor(before) == AddonCompatibility.Minor(version)) continue; // a patch of the running line
            if (c.Change.Kind == ChangeKind.Create && context.Before.Aws.Addons.All(a => a.Name != name)) continue; // a new add-on: EKS checks it at creation
            yield return (c, name, version, cluster);
        }
    }

    /// <summary>The cluster's version after apply: the plan's, when it changes the cluster, else the state's.</summary>
    private static string? ClusterVersion(AnalysisContext context, string? cluster)
    {
        var planned = context.MappedOf<EksClusterChange>().FirstOrDefault(x => x.After?.Name.Value == cluster)?.After?.Version;
        if (planned is { IsKnown: true, Value: { } v }) return v;
        return context.Before.Aws.EksClusters.FirstOrDefault(x => x.Name == cluster)?.Version;
    }

    private static Kalc.Iac.Core.SourceRef? ClusterSource(AnalysisContext context, string? cluster) =>
        context.Before.Aws.EksClusters.FirstOrDefault(x => x.Name == cluster)?.Source;
}
