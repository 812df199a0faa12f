using Kalc.Iac.Tests.Live.Fakes;
using YamlDotNet.RepresentationModel;

namespace Kalc.Iac.KubeModel.Tests.Live;

public sealed class ClusterRoleTests
{
    /// <summary>Every list a live read makes is allowed by the documented RBAC, and nothing more is granted.</summary>
    [Fact]
    public async Task The_documented_rbac_grants_exactly_the_lists_a_live_read_makes()
    {
        var (result, requests) = await LiveKubeFixture.ReadAsync(new FakeKubeApi());
        Assert.Empty(result.Failures);
        var made = requests.Select(r => r.Path.Split('/') switch
        {
            [_, "api", "v1", "namespaces", var ns, var resource] => $"/{resource}@{ns}",
            [_, "api", "v1", var resource] => $"/{resource}@*",
            [_, "apis", var group, _, var resource] => $"{group}/{resource}@*",
            _ => throw new InvalidOperationException(r.Path),
        }).ToHashSet();

        var granted = new HashSet<string>();
        using var reader = new StreamReader(Path.Combine(Fixtures.Root, "docs", "permissions", "kalc-iac-readonly-clusterrole.yaml"));
        var yaml = new YamlStream();
        yaml.Load(reader);
        foreach (var doc in yaml.Documents)
        {
            var map = (YamlMappingNode)doc.RootNode;
            var kind = ((YamlScalarNode)map["kind"]).Value;
            if (kind is not ("ClusterRole" or "Role")) continue;
            var scope = kind == "Role" ? ((YamlScalarNode)((YamlMappingNode)map["metadata"])["namespace"]).Value : "*";
            foreach (YamlMappingNode rule in (YamlSequenceNode)map["rules"])
            {
                var verbs = ((YamlSequenceNode)rule["verbs"]).Select(v => ((YamlScalarNode)v).Value).ToHashSet();
                Assert.Equal(["get", "list"], verbs.Order());
                foreach (YamlScalarNode group in (YamlSequenceNode)rule["apiGroups"])
                {
                    foreach (YamlScalarNode resource in (YamlSequenceNode)rule["resources"])
                        granted.Add($"{group.Value}/{resource.Value}@{scope}");
                }
            }
        }

        Assert.Equal(made.Order(StringComparer.Ordinal), granted.Order(StringComparer.Ordinal));
    }
}
