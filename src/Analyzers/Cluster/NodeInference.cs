using System.Collections.Immutable;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.Analyzers.Cluster;

/// <summary>Without Kubernetes state, nodes are inferred from the EC2 tags that cluster tooling sets
/// (kubernetes.io/cluster/NAME, eks:cluster-name, aws:eks:cluster-name); the node name is the private DNS name,
/// which is what kubelet registers by default on AWS.</summary>
public static class NodeInference
{
    public static ImmutableArray<KubeNode> FromInstances(AwsState aws)
    {
        var nodes = ImmutableArray.CreateBuilder<KubeNode>();
        foreach (var i in aws.Instances)
        {
            if (!i.IsLive || ClusterOf(i) is not { } cluster) continue;
            nodes.Add(new KubeNode
            {
                Name = i.PrivateDnsName ?? i.InstanceId,
                ProviderId = $"aws:///{i.AvailabilityZone}/{i.InstanceId}",
                Labels = ImmutableDictionary<string, string>.Empty.Add("kalc-iac/inferred-cluster", cluster),
                IsControlPlane = IsControlPlaneTagged(i),
                Inferred = true,
                Source = i.Source with { Path = $"{i.InstanceId} tags" },
            });
        }
        return nodes.ToImmutable();
    }

    /// <summary>The cluster an instance belongs to by its tags, or null.</summary>
    public static string? ClusterOf(Ec2Instance i)
    {
        foreach (var (k, _) in i.Tags)
            if (k.StartsWith("kubernetes.io/cluster/", StringComparison.Ordinal)) return k["kubernetes.io/cluster/".Length..];
        if (i.Tags.TryGetValue("eks:cluster-name", out var eks)) return eks;
        if (i.Tags.TryGetValue("aws:eks:cluster-name", out var aeks)) return aeks;
        return null;
    }

    private static bool IsControlPlaneTagged(Ec2Instance i) =>
        i.Tags.Any(t => t.Key.Contains("control-plane", StringComparison.OrdinalIgnoreCase) || t.Key.Contains("master", StringComparison.OrdinalIgnoreCase)
            || t.Value is "master" or "control-plane" or "kube_control_plane" or "kube-master");
}
