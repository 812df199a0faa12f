using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.KubeModel.Readers;

/// <summary>Services and Ingresses: how traffic reaches the cluster, and the annotations that pick load balancer subnets.</summary>
internal static class ServiceReader
{
    public static KubeService ReadService(JsonElement obj, ObjectMeta meta, SourceRef source)
    {
        var spec = obj.Obj("spec") ?? default;
        return new KubeService
        {
            Namespace = meta.Namespace,
            Name = meta.Name,
            Type = spec.Str("type") ?? "ClusterIP",
            LoadBalancerClass = spec.Str("loadBalancerClass"),
            Selector = spec.StringMap("selector"),
            Annotations = meta.Annotations,
            Ports = [.. spec.Arr("ports").Select(p => new ServicePort(
                (int)(p.Long("port") ?? 0), p.Str("targetPort"), p.Str("protocol") ?? "TCP", p.Str("name")))],
            LoadBalancerIngress = LoadBalancerIngress(obj),
            Source = source,
        };
    }

    public static Ingress ReadIngress(JsonElement obj, ObjectMeta meta, SourceRef source) => new()
    {
        Namespace = meta.Namespace,
        Name = meta.Name,
        IngressClassName = (obj.Obj("spec") ?? default).Str("ingressClassName")
            ?? (meta.Annotations.TryGetValue("kubernetes.io/ingress.class", out var c) ? c : null),
        Annotations = meta.Annotations,
        LoadBalancerIngress = LoadBalancerIngress(obj),
        Source = source,
    };

    public static PodDisruptionBudget ReadPdb(JsonElement obj, ObjectMeta meta, SourceRef source)
    {
        var spec = obj.Obj("spec") ?? default;
        var status = obj.Obj("status");
        return new PodDisruptionBudget
        {
            Namespace = meta.Namespace,
            Name = meta.Name,
            MinAvailable = spec.Str("minAvailable"),
            MaxUnavailable = spec.Str("maxUnavailable"),
            Selector = Selector(spec.Obj("selector")),
            DisruptionsAllowed = Int(status, "disruptionsAllowed"),
            CurrentHealthy = Int(status, "currentHealthy"),
            ExpectedPods = Int(status, "expectedPods"),
            Source = source,
        };
    }

    /// <summary>A SecurityGroupPolicy: spec.podSelector, spec.serviceAccountSelector, spec.securityGroups.groupIds.</summary>
    public static SecurityGroupPolicy ReadSecurityGroupPolicy(JsonElement obj, ObjectMeta meta, SourceRef source)
    {
        var spec = obj.Obj("spec");
        return new SecurityGroupPolicy
        {
            Namespace = meta.Namespace,
            Name = meta.Name,
            PodSelector = spec?.Obj("podSelector") is { } pods ? Selector(pods) : null,
            ServiceAccountSelector = spec?.Obj("serviceAccountSelector") is { } sas ? Selector(sas) : null,
            GroupIds = spec?.Obj("securityGroups") is { } groups ? groups.Strings("groupIds") : [],
            Source = source,
        };
    }

    public static LabelSelector Selector(JsonElement? selector) => selector is not { } s ? new LabelSelector() : new LabelSelector
    {
        MatchLabels = s.StringMap("matchLabels"),
        MatchExpressions = [.. s.Arr("matchExpressions").Select(e => new LabelRequirement(e.Str("key") ?? "", e.Str("operator") ?? "", e.Strings("values")))],
    };

    private static int? Int(JsonElement? owner, string name) => owner?.Long(name) is { } n ? (int)n : null;

    private static ImmutableArray<string> LoadBalancerIngress(JsonElement obj) =>
        [.. ((obj.Obj("status")?.Obj("loadBalancer")) ?? default).Arr("ingress").Select(i => i.Str("hostname") ?? i.Str("ip")).OfType<string>()];
}
