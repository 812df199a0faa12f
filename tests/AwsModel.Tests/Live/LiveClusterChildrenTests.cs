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
    public async Task Network_interfaces_and_security_group_rules_are_read_live_into_state()
    {
        var result = await LiveAwsFixture.ReadAsync(new FakeAwsAccount());
        Assert.Empty(result.Failures);
        var state = Parse(result);
        Assert.Equal(["eni-18e6c05e", "eni-83e3c5c5"], state.NetworkInterfaces.Select(n => n.NetworkInterfaceId).ToArray());
        var eni = state.NetworkInterfaces[1];
        Assert.Equal(("i-caa71db1", "172.16.4.145", "vpc-62ded30e"), (eni.InstanceId, eni.PrivateIpAddress, eni.VpcId));
        Assert.Equal(["sg-13e4607c", "sg-495a9926"], eni.SecurityGroupIds.ToArray());
        Assert.Contains(AwsStateKind.NetworkInterfaces, state.Loaded);
        var group = state.SecurityGroups.Single(g => g.GroupId == "sg-13e4607c");
        var self = Assert.Single(group.Rules, r => r.RuleId == "sgr-0a1b2c3d4e5f60001");
        Assert.Equal((false, "sg-13e4607c"), (self.Egress, self.ReferencedGroupId));
        var api = Assert.Single(group.Rules, r => r.RuleId == "sgr-0a1b2c3d4e5f60002");
        Assert.Equal(("tcp", 443, 443, "10.0.0.0/16"), (api.Protocol, api.FromPort, api.ToPort, api.CidrIpv4));
        Assert.Contains(group.Rules, r => r is { Egress: true, CidrIpv4: "0.0.0.0/0" });
        Assert.Contains(AwsStateKind.SecurityGroupRules, state.Loaded);
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
