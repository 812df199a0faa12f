namespace Kalc.Iac.Analyzers.Rules.Kubespray;

/// <summary>The kubespray rules (KIAC301-KIAC313), and what they lacked to judge a given context.</summary>
public static class KubesprayRules
{
    public static IReadOnlyList<IRule> All { get; } =
    [
        new GroupVarsForMissingGroup(),
        new UnknownVariable(),
        new VariableNotReachingAllHosts(),
        new ShadowedByUnexpectedSource(),
        new SecondCniPlugin(),
        new PodSubnetChange(),
        new ServiceSubnetChange(),
        new NodePrefixChange(),
        new CloudProviderChange(),
        new SecondControlPlane(),
        new KubeVersionSkew(),
        new ClusterCidrOverlapsVpc(),
        new BaselineShapeChange(),
    ];

    /// <summary>"RULE: fact" for each fact a rule needed and did not get; the analyzer reports the verdict as
    /// incomplete when this is not empty and no finding was made.</summary>
    public static IReadOnlyList<string> Missing(AnalysisContext context) =>
        [.. All.OfType<IRequiresState>().SelectMany(r => r.MissingState(context)).Distinct()];
}
