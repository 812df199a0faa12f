using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.KubeModel.Readers;

/// <summary>karpenter NodePools (karpenter.sh) and EC2NodeClasses (karpenter.k8s.aws), v1 and v1beta1: the two versions
/// name the same fields for what is read here (https://karpenter.sh/docs/upgrading/v1-migration/).</summary>
internal static class KarpenterReader
{
    public const string NodePoolGroup = "karpenter.sh/";

    public const string NodeClassGroup = "karpenter.k8s.aws/";

    public static bool IsNodePool(string kind, string? apiVersion) =>
        kind == "NodePool" && apiVersion?.StartsWith(NodePoolGroup, StringComparison.Ordinal) == true;

    public static bool IsNodeClass(string kind, string? apiVersion) =>
        kind == "EC2NodeClass" && apiVersion?.StartsWith(NodeClassGroup, StringComparison.Ordinal) == true;

    public static KarpenterNodePool ReadNodePool(JsonElement obj, ObjectMeta meta, SourceRef source)
    {
        var nodeClassRef = obj.Obj("spec")?.Obj("template")?.Obj("spec")?.Obj("nodeClassRef");
        return new KarpenterNodePool
        {
            Name = meta.Name,
            ApiVersion = obj.Str("apiVersion") ?? "",
            NodeClassName = nodeClassRef?.Str("name"),
            NodeClassKind = nodeClassRef?.Str("kind"),
            Source = source,
        };
    }

    public static KarpenterNodeClass ReadNodeClass(JsonElement obj, ObjectMeta meta, SourceRef source)
    {
        var spec = obj.Obj("spec") ?? default;
        var status = obj.Obj("status") ?? default;
        return new KarpenterNodeClass
        {
            Name = meta.Name,
            ApiVersion = obj.Str("apiVersion") ?? "",
            Role = spec.Str("role"),
            InstanceProfile = spec.Str("instanceProfile"),
            SubnetSelectorTerms = Terms(spec, "subnetSelectorTerms"),
            SecurityGroupSelectorTerms = Terms(spec, "securityGroupSelectorTerms"),
            AmiSelectorTerms = Terms(spec, "amiSelectorTerms"),
            AmiFamily = spec.Str("amiFamily"),
            ResolvedSubnetIds = [.. status.Arr("subnets").Select(s => s.Str("id")).OfType<string>()],
            ResolvedSecurityGroupIds = [.. status.Arr("securityGroups").Select(s => s.Str("id")).OfType<string>()],
            ResolvedInstanceProfile = status.Str("instanceProfile"),
            Source = source,
        };
    }

    private static ImmutableArray<SelectorTerm> Terms(JsonElement spec, string name) =>
        [.. spec.Arr(name).Select(t => new SelectorTerm
        {
            Tags = t.StringMap("tags"),
            Id = t.Str("id"),
            Name = t.Str("name"),
            Alias = t.Str("alias"),
            Owner = t.Str("owner"),
        })];
}
