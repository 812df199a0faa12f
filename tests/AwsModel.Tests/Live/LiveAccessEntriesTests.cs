using Kalc.Iac.AwsModel.Dumps;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Tests.Live.Fakes;

namespace Kalc.Iac.AwsModel.Tests.Live;

/// <summary>What the cluster-access rules read, read live: the cluster's authentication mode, its access entries (type,
/// groups) and the access policies associated with them, through the aws-cli documents `snapshot` writes.</summary>
public sealed class LiveAccessEntriesTests
{
    private static AwsState Parse(Kalc.Iac.Core.Live.LiveReadResult result) =>
        AwsStateMerger.Merge([.. result.Documents.Select(d => AwsDumpParser.Parse(d.Json, d.FileName).Unwrap())]);

    [Fact]
    public async Task Access_entries_their_policies_and_the_authentication_mode_are_read_live_into_state()
    {
        var result = await LiveAwsFixture.ReadAsync(new FakeAwsAccount());
        Assert.Empty(result.Failures);
        var state = Parse(result);

        // (the fake's two clusters share the docs example's ARN, so state keeps one of them)
        Assert.NotEmpty(state.EksClusters);
        Assert.All(state.EksClusters, c => Assert.Equal("API_AND_CONFIG_MAP", c.AuthenticationMode));
        var entries = state.AccessEntries.Where(e => e.ClusterName == "prod").OrderBy(e => e.PrincipalArn, StringComparer.Ordinal).ToList();
        Assert.Equal([(FakeAwsAccount.NodeRoleArn, "EC2_LINUX", false), (FakeAwsAccount.AdminRoleArn, "STANDARD", false)],
            entries.Select(e => (e.PrincipalArn, e.Type, e.ListedOnly)));
        Assert.True(entries[0].IsNodeEntry);
        var admin = Assert.Single(state.AccessPolicyAssociations, a => a.ClusterName == "prod");
        Assert.Equal((FakeAwsAccount.AdminRoleArn, "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", "cluster"),
            (admin.PrincipalArn, admin.PolicyArn, admin.ScopeType));
        Assert.Contains(AwsStateKind.AccessEntries, state.Loaded);
        Assert.Contains(AwsStateKind.AccessPolicyAssociations, state.Loaded);
        Assert.Empty(state.Missing);
    }

    [Fact]
    public async Task An_access_entry_that_cannot_be_described_is_a_failure_naming_the_call()
    {
        var result = await LiveAwsFixture.ReadAsync(new FakeAwsAccount
        {
            Fault = r => r.Method == "GET" && r.Path.StartsWith("/clusters/prod/access-entries/", StringComparison.Ordinal) && !r.Path.EndsWith("/access-policies", StringComparison.Ordinal)
                ? FakeReply.Json("{\"message\":\"User is not authorized to perform: eks:DescribeAccessEntry\"}", 403) with
                {
                    Headers = new Dictionary<string, string> { ["x-amzn-ErrorType"] = "AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/" },
                }
                : null,
        });

        Assert.Equal(2, result.Failures.Length);
        Assert.All(result.Failures, f => Assert.StartsWith("eks describe-access-entry prod arn:aws:iam::", f.Call, StringComparison.Ordinal));
        var state = Parse(result);
        Assert.All(state.AccessEntries.Where(e => e.PrincipalArn == FakeAwsAccount.AdminRoleArn && e.ClusterName == "prod"), e => Assert.True(e.ListedOnly));
    }
}
