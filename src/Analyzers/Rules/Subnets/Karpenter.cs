using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.Analyzers.Rules.Subnets;

/// <summary>Whether karpenter's objects are worth asking for: it runs in the cluster, or the workloads were not read to say it does not.</summary>
public static class Karpenter
{
    public static bool MayRun(AnalysisContext context) =>
        !context.Before.Kube.Loaded.Contains(KubeStateKind.Workloads)
        || context.Before.Kube.Workloads.Any(w => w.Images.Any(i => i.Contains("karpenter", StringComparison.Ordinal)));
}
