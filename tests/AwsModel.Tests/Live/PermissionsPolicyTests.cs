using System.Text.Json.Nodes;
using Kalc.Iac.AwsModel.Live;
using Kalc.Iac.Tests.Live.Fakes;

namespace Kalc.Iac.AwsModel.Tests.Live;

public sealed class PermissionsPolicyTests
{
    /// <summary>The policy users apply must allow exactly what a full read calls: no missing action (the read would
    /// be incomplete), none extra (least privilege). sts:GetCallerIdentity needs no permission.</summary>
    [Fact]
    public async Task The_documented_iam_policy_allows_exactly_the_actions_a_full_read_calls()
    {
        var account = new FakeAwsAccount();
        await using var server = new FakeHttpServer(account.Handle);
        var result = await LiveAwsReader.ReadAsync(LiveAwsFixture.Options(server.Url), null, CancellationToken.None);
        Assert.Empty(result.Failures);

        var called = server.Requests.Select(IamAction).Where(a => a is not null).ToHashSet();
        var policy = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures.Root, "docs", "permissions", "kalc-iac-readonly-iam-policy.json")))!;
        var allowed = policy["Statement"]!.AsArray().SelectMany(s => s!["Action"]!.AsArray()).Select(a => a!.GetValue<string>()).ToHashSet();

        Assert.Equal(called.Order(StringComparer.Ordinal), allowed.Order(StringComparer.Ordinal));
    }

    private static string? IamAction(FakeRequest r)
    {
        if (r.Method == "GET")
        {
            return r.Path.Trim('/').Split('/') switch
            {
                ["clusters"] => "eks:ListClusters",
                ["clusters", _] => "eks:DescribeCluster",
                ["clusters", _, "pod-identity-associations"] => "eks:ListPodIdentityAssociations",
                ["clusters", _, "pod-identity-associations", _] => "eks:DescribePodIdentityAssociation",
                ["clusters", _, "node-groups"] => "eks:ListNodegroups",
                ["clusters", _, "node-groups", _] => "eks:DescribeNodegroup",
                ["clusters", _, "fargate-profiles"] => "eks:ListFargateProfiles",
                ["clusters", _, "fargate-profiles", _] => "eks:DescribeFargateProfile",
                ["clusters", _, "addons"] => "eks:ListAddons",
                ["clusters", _, "addons", _] => "eks:DescribeAddon",
                ["clusters", _, "access-entries"] => "eks:ListAccessEntries",
                ["clusters", _, "access-entries", _] => "eks:DescribeAccessEntry",
                ["clusters", _, "access-entries", _, "access-policies"] => "eks:ListAssociatedAccessPolicies",
                _ => throw new InvalidOperationException("unexpected EKS path " + r.Path),
            };
        }
        var service = r.Authorization!.Split('/')[3];
        return service == "sts" ? null : service + ":" + r.Action;
    }
}
