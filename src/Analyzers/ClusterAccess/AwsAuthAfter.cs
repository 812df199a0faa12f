using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Mapping.Kubernetes;
using Kalc.Iac.Core;
using Kalc.Iac.KubeModel.Model;
using Kalc.Iac.KubeModel.Readers;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.ClusterAccess;

/// <summary>The kube-system/aws-auth data after the change's ConfigMap edits, and its mapRoles / mapUsers parsed as
/// aws-iam-authenticator parses them. A whole-ConfigMap resource sets the data (destroying it deletes the ConfigMap); a
/// kubernetes_config_map_v1_data sets the keys it manages, and destroying it removes them.</summary>
public sealed record AwsAuthAfter(
    ImmutableArray<AwsAuthMapping> Roles,
    ImmutableArray<AwsAuthMapping> Users,
    ImmutableArray<string> Problems,
    ImmutableArray<ResourceChange> Changes,
    string? Unknown)
{
    public static AwsAuthAfter? Project(KubeState before, IEnumerable<ConfigMapChange> changes)
    {
        var list = changes.ToList();
        if (list.Count == 0) return null;
        var current = before.ConfigMaps.FirstOrDefault(c => c is { Namespace: "kube-system", Name: "aws-auth" });
        var data = current?.Data ?? (list[0].Before?.Data is { IsKnown: true } planBefore ? planBefore.Value! : ImmutableDictionary<string, string>.Empty);
        string? unknown = null;
        foreach (var c in list)
        {
            if (c.Change.Kind is ChangeKind.NoOp or ChangeKind.Read) continue;
            if (c.Change.Kind == ChangeKind.Delete)
            {
                data = c.DataOnly && c.Before?.Data is { IsKnown: true } managed ? data.RemoveRange(managed.Value!.Keys) : ImmutableDictionary<string, string>.Empty;
                continue;
            }
            if (c.After?.Data is not { IsKnown: true } after)
            {
                unknown = $"{c.Change.Address}: {c.After?.Data.WhyUnknown ?? "data is not in the plan"}";
                continue;
            }
            if (!c.DataOnly) { data = after.Value!; continue; }
            if (c.Before?.Data is { IsKnown: true } old) data = data.RemoveRange(old.Value!.Keys.Where(k => !after.Value!.ContainsKey(k)));
            data = data.SetItems(after.Value!);
        }
        var source = list[^1].Change.Source with { Path = list[^1].Change.Address };
        var configMap = new ConfigMap { Namespace = "kube-system", Name = "aws-auth", Data = data, Source = source };
        var problems = new List<string>();
        var roles = AwsAuthParser.ParseMapRoles(configMap, problems);
        var users = AwsAuthParser.ParseMapUsers(configMap, problems);
        return new AwsAuthAfter(roles, users, [.. problems], [.. list.Select(c => c.Change)], unknown);
    }
}
