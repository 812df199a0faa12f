using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.KubeModel.Readers;

/// <summary>Parses the mapRoles (and mapUsers) of the kube-system/aws-auth ConfigMap as aws-iam-authenticator does
/// (pkg/mapper/configmap/configmap.go): the ConfigMap key is case-sensitive ("mapRoles"), the entry keys are not
/// ("rolearn", "roleARN", "rOlEaRn" all work). What the authenticator would not map is noted in
/// <paramref name="missing"/>, never thrown.</summary>
public static class AwsAuthParser
{
    public const string MapRolesKey = "mapRoles";

    public const string MapUsersKey = "mapUsers";

    public static ImmutableArray<AwsAuthMapping> ParseMapRoles(ConfigMap awsAuth, ICollection<string> missing) =>
        Parse(awsAuth, MapRolesKey, "rolearn", "roles", missing);

    /// <summary>mapUsers: IAM users (userarn) -> Kubernetes user and groups, parsed like mapRoles.</summary>
    public static ImmutableArray<AwsAuthMapping> ParseMapUsers(ConfigMap awsAuth, ICollection<string> missing) =>
        Parse(awsAuth, MapUsersKey, "userarn", "users", missing);

    private static ImmutableArray<AwsAuthMapping> Parse(ConfigMap awsAuth, string key, string arnKey, string what, ICollection<string> missing)
    {
        var where = $"ConfigMap {awsAuth.Namespace}/{awsAuth.Name} in {awsAuth.Source}";
        if (!awsAuth.Data.TryGetValue(key, out var yaml))
        {
            foreach (var k in awsAuth.Data.Keys.Where(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)))
                missing.Add($"{where}: key '{k}' is ignored by aws-iam-authenticator (keys are case-sensitive; it must be '{key}'), so it maps no {what}");
            return [];
        }
        if (yaml.Trim() is "" or "``" or "\"\"") return [];
        var mappings = ImmutableArray.CreateBuilder<AwsAuthMapping>();
        var ok = EmbeddedYaml.TryRead(yaml, where, root =>
        {
            if (root.ValueKind != JsonValueKind.Array)
            {
                missing.Add($"{where}: {key} is not a list of {what}; aws-iam-authenticator maps no {what} from it");
                return;
            }
            var i = 0;
            foreach (var entry in root.EnumerateArray())
            {
                var path = $"data.{key}[{i++}]";
                if (IgnoreCase(entry, arnKey)?.AsText() is not { Length: > 0 } arn)
                {
                    missing.Add($"{where}: {path} has no {arnKey}; it maps nothing");
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
            missing.Add($"{where}: {key} is not valid YAML ({error}); aws-iam-authenticator maps no {what} from it");
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
