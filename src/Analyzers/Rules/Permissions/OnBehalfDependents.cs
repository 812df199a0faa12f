using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Kalc.Iac.Analyzers.Cluster;

namespace Kalc.Iac.Analyzers.Rules.Permissions;

/// <summary>Workloads that depend on a component calling AWS with the node's credentials on their behalf, so that a finding
/// on the component names them:
/// - the EKS Pod Identity agent fetches the credentials of every pod whose service account has a Pod Identity
///   association (https://docs.aws.amazon.com/eks/latest/userguide/pod-id-how-it-works.html);
/// - kubelet's ECR credential provider pulls the images of private ECR repositories
///   (ACCOUNT.dkr.ecr.REGION.amazonaws.com; https://docs.aws.amazon.com/AmazonECR/latest/userguide/ECR_on_EKS.html).
/// The VPC CNI's dependents are every pod that needs an IP on those nodes, which the finding says without listing them.</summary>
public static partial class OnBehalfDependents
{
    public static ImmutableArray<ClusterWorkload> Of(string component, IEnumerable<string> nodes, ClusterTopology topology)
    {
        Func<ClusterWorkload, bool>? depends = component switch
        {
            "eks-pod-identity-agent" => w => w.Identity.Source == IdentitySource.PodIdentity,
            "kubelet" => w => w.Workload.Images.Any(i => PrivateEcr().IsMatch(i)),
            _ => null,
        };
        if (depends is null) return [];
        var on = nodes.ToHashSet(StringComparer.Ordinal);
        return [.. topology.Workloads.Where(w => depends(w) && (w.Placement.Nodes.IsEmpty || w.Placement.Nodes.Any(on.Contains)))
            .OrderBy(w => w.Workload.Key, StringComparer.Ordinal)];
    }

    /// <summary>True when workloads use EKS Pod Identity: then the agent runs on their nodes, whether or not the workload
    /// state lists its DaemonSet (an EKS add-on).</summary>
    public static bool UsesPodIdentity(ClusterTopology topology) => topology.Workloads.Any(w => w.Identity.Source == IdentitySource.PodIdentity);

    [GeneratedRegex(@"^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?/", RegexOptions.CultureInvariant)]
    private static partial Regex PrivateEcr();
}
