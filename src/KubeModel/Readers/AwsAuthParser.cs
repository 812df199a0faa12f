using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.KubeModel.Readers;

/// <summary>Parses the mapRoles of the kube-system/aws-auth ConfigMap as aws-iam-authenticator does
/// (pkg/mapper/configmap/configmap.go): the ConfigMap key is case-sensitive ("mapRoles"), the entry keys are not
/// ("rolearn", "roleARN", "rOlEaRn" all work). What the authenticator would not map is noted in
/// <paramref name="missing"/>, never thrown.</summary>
public static class AwsAuthParser
{
    public const string MapRolesKey = "mapRoles";

    public static ImmutableArray<AwsAuthMapping> ParseMapRoles(ConfigMap awsAuth, ICollection<string> missing)
    {
        var where = $"ConfigMap {awsAuth.Namespace}/{awsAuth.Name} in {awsAuth.Source}";
        if (!awsAuth.Data.TryGetValue(MapRolesKey, out var yaml))
        {
            foreach (var k in awsAuth.Data.Keys.Where(k => string.Equals(k, MapRolesKey, StringComparison.OrdinalIgnoreCase)))
                missing.Add($"{where}: key '{k}' is ignored by aws-iam-authenticator (keys are case-sensitive; it must be '{MapRolesKey}'), so it maps no roles");
            return [];
        }
        if (yaml.Trim() is "" or "``" or "\"\"") return [];
        var mappings = ImmutableArray.CreateBuilder<AwsAuthMapping>();
        var ok = EmbeddedYaml.TryRead(yaml, where, root =>
        {
            if (root.ValueKind != JsonValueKind.Array)
            {
                missing.Add($"{where}: {MapRolesKey} is not a list of roles; aws-iam-authenticator maps no roles from it");
                return;
            }
            var i = 0;
            foreach (var entry in root.EnumerateArray())
            {
                var path = $"data.{MapRolesKey}[{i++}]";
                if (IgnoreCase(entry, "rolearn")?.AsText() is not { Length: > 0 } arn)
                {
                    missing.Add($"{where}: {path} has no rolearn; it maps nothing");
                    continue;
                }
                var groups = IgnoreCase(entry, "groups") is { ValueKind: JsonValueKind.Array } g
                    ? g.EnumerateArray().Select(x => x.AsText()).OfType<string>().ToImmutableArray()
                    : [];
                mappings.Add(new AwsAuthMapping
                {
                    RoleArn = arn,
                    Username = IgnoreCase(entry, "username")?.AsText(),
                    Groups = groups,
                    Source = awsAuth.Source.WithPath(path),
                });
            }
        }, out var error);
        if (!ok)
            missing.Add($"{where}: {MapRolesKey} is not valid YAML ({error}); aws-iam-authenticator maps no roles from it");
        return mappings.ToImmutable();
    }

    private static JsonElement? IgnoreCase(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object) return null;
        foreach (var p in obj.EnumerateObject())
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind != JsonValueKind.Null)
                return p.Value;
        return null;
    }
}
