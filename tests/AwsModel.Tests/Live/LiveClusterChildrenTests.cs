using Kalc.Iac.AwsModel.Dumps;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Tests.Live.Fakes;

namespace Kalc.Iac.AwsModel.Tests.Live;

public sealed class LiveClusterChildrenTests
{
    private static AwsState Parse(Kalc.Iac.Core.Live.LiveReadResult result) =>
        AwsStateMerger.Merge([.. result.Documents.Select(d => AwsDumpParser.Parse(d.Json, d.FileName).Unwrap())]);

    [Fact]
    public async Task Node_groups_add_ons_fargate_profiles_and_route_tables_are_read_live_into_state()
    {
        var result = await LiveAwsFixture.ReadAsync(new FakeAwsAccount());
        Assert.Empty(result.Failures);
        var state = Parse(result);
        var group = state.Nodegroups.Single(g => g.ClusterName == "prod");
        Assert.Equal(("prod-nodes", 3, 1), (group.Name, group.DesiredSize, group.MaxUnavailable));
        var addon = state.Addons.Single(a => a.ClusterName == "prod");
        Assert.Equal(("vpc-cni", "v1.16.4-eksbuild.2"), (addon.Name, addon.Version));
        var profile = Assert.Single(state.FargateProfiles); // prod has one, my-cluster an empty list
        Assert.Equal(("system", "prod", "kube-system"), (profile.Name, profile.ClusterName, profile.Selectors[0].Namespace));
        Assert.Contains(AwsStateKind.FargateProfiles, state.Loaded);
        Assert.Equal(["rtb-2728114e", "rtb-8f2910e6"], state.RouteTables.Select(t => t.RouteTableId).Take(2).ToArray());
        Assert.Contains("subnet-812910e8", state.RouteTables[0].SubnetIds);
        Assert.Empty(state.Missing);
    }

    [Fact]
    public async Task A_node_group_that_cannot_be_described_is_a_failure_and_missing_from_state()
    {
        var result = await LiveAwsFixture.ReadAsync(new FakeAwsAccount
        {
            Fault = r => r.Method == "GET" && r.Path == "/clusters/prod/node-groups/prod-nodes"
                ? FakeReply.Json("{\"message\":\"User is not authorized to perform: eks:DescribeNodegroup\"}", 403) with
                {
                    Headers = new Dictionary<string, string> { ["x-amzn-ErrorType"] = "AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/" },
                }
                : null,
        });
        var failure = Assert.Single(result.Failures);
        Assert.Equal("eks describe-nodegroup prod prod-nodes", failure.Call);
        var state = Parse(result);
        Assert.Contains(state.Missing, m => m.Contains("lists prod-nodes, but no eks describe-nodegroup output", StringComparison.Ordinal));
    }
}
