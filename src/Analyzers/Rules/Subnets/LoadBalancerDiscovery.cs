using System.Text.RegularExpressions;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.Analyzers.Rules.Subnets;

/// <summary>Who places a load balancer and how it finds subnets. The AWS Load Balancer Controller serves Services with
/// loadBalancerClass service.k8s.aws/nlb or aws-load-balancer-type external/nlb-ip, and Ingresses of class alb; other
/// LoadBalancer Services go to the in-tree (legacy) cloud provider. Both pick subnets by tag unless the object names them.
/// https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/deploy/subnet_discovery/</summary>
public sealed record LoadBalancerUser(string Kind, string Key, bool Internal, bool ByController, string? ExplicitSubnets, Kalc.Iac.Core.SourceRef Source)
{
    public const string ElbRole = "kubernetes.io/role/elb";
    public const string InternalElbRole = "kubernetes.io/role/internal-elb";
    public const string ClusterTagPrefix = "kubernetes.io/cluster/";

    public string RoleTag => Internal ? InternalElbRole : ElbRole;

    public string Scheme => Internal ? "internal" : "internet-facing";

    public string Describe => $"{Kind} {Key} ({Scheme}, {(ByController ? "AWS Load Balancer Controller" : "in-tree cloud provider")})";

    public static IEnumerable<LoadBalancerUser> In(KubeState kube)
    {
        foreach (var s in kube.Services.Where(s => s.IsLoadBalancer))
        {
            var type = s.Annotations.GetValueOrDefault("service.beta.kubernetes.io/aws-load-balancer-type");
            var byController = s.LoadBalancerClass == "service.k8s.aws/nlb" || type is "external" or "nlb-ip";
            if (s.LoadBalancerClass is { } cls && cls != "service.k8s.aws/nlb") continue; // another implementation's class
            var scheme = s.Annotations.GetValueOrDefault("service.beta.kubernetes.io/aws-load-balancer-scheme");
            var internalFlag = s.Annotations.GetValueOrDefault("service.beta.kubernetes.io/aws-load-balancer-internal");
            // The controller defaults to internal; the in-tree provider to internet-facing unless the internal annotation is set.
            var isInternal = scheme is not null ? scheme == "internal"
                : byController ? internalFlag is null || internalFlag is "true" or "0.0.0.0/0"
                : internalFlag is "true" or "0.0.0.0/0";
            yield return new LoadBalancerUser("Service", s.Key, isInternal, byController, s.Annotations.GetValueOrDefault("service.beta.kubernetes.io/aws-load-balancer-subnets"), s.Source);
        }
        foreach (var i in kube.Ingresses.Where(i => i.IngressClassName == "alb"))
        {
            var scheme = i.Annotations.GetValueOrDefault("alb.ingress.kubernetes.io/scheme");
            yield return new LoadBalancerUser("Ingress", i.Key, scheme != "internet-facing", true, i.Annotations.GetValueOrDefault("alb.ingress.kubernetes.io/subnets"), i.Source);
        }
    }

    /// <summary>Subnet ids or Name tags listed in the subnets annotation.</summary>
    public IEnumerable<string> NamedSubnets() =>
        (ExplicitSubnets ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>True when the subnet is one the annotation names, by id or Name tag.</summary>
    public bool Names(Subnet s) => NamedSubnets().Any(n => n == s.SubnetId || (s.Tags.TryGetValue("Name", out var name) && name == n));
}

/// <summary>The AWS Load Balancer Controller's version, from its image tag (v2.7.1): since v2.1.2 the cluster tag is not
/// needed; since v2.12.1 subnets without any role tag are chosen by reachability when no subnet has the role tag.</summary>
public static partial class LoadBalancerControllerVersion
{
    public static Version? Of(KubeState kube)
    {
        foreach (var w in kube.Workloads)
            foreach (var image in w.Images)
                if (image.Contains("aws-load-balancer-controller", StringComparison.Ordinal) && Tag().Match(image) is { Success: true } m)
                    return new Version(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                        int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
                        int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture));
        return null;
    }

    public static readonly Version RoleTagFallback = new(2, 12, 1);

    public static readonly Version ClusterTagOptional = new(2, 1, 2);

    [GeneratedRegex(@":v(\d+)\.(\d+)\.(\d+)")]
    private static partial Regex Tag();
}
