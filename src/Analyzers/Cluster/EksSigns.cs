using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.Analyzers.Cluster;

/// <summary>Whether the state shows the cluster runs on EKS: an EKS cluster described, instances tagged by EKS, nodes labelled
/// by EKS, or an IAM OIDC provider of EKS. Features only EKS has (Pod Identity, access entries) need their state only then.</summary>
public static class EksSigns
{
    public static bool Present(World world) =>
        world.Aws.EksClusters.Length > 0 || world.Aws.Loaded.Contains(AwsModel.Model.AwsStateKind.EksClusters) ||
        world.Aws.PodIdentityAssociations.Length > 0 ||
        world.Aws.Instances.Any(i => i.Tags.ContainsKey("eks:cluster-name") || i.Tags.ContainsKey("aws:eks:cluster-name")) ||
        world.Kube.Nodes.Any(n => n.Labels.Keys.Any(k => k.StartsWith("eks.amazonaws.com/", StringComparison.Ordinal))) ||
        world.Aws.OidcProviders.Any(p => p.Arn.Contains("oidc.eks.", StringComparison.Ordinal));
}
