using Kalc.Iac.AwsModel.Dumps;
using Kalc.Iac.AwsModel.Model;

namespace Kalc.Iac.AwsModel.Tests.Dumps;

/// <summary>The outputs the cluster-access and node-networking rules read: security groups with their rules,
/// security group rules, network interfaces, the cluster's access config and VPC config, access entries and policies.</summary>
public sealed class NetworkAndAccessOutputsTests
{
    private static AwsStateFragment Parse(string fixture)
    {
        var result = AwsDumpParser.Parse(Fixtures.Bytes("aws/aws-cli/" + fixture), fixture);
        Assert.True(result.IsOk, result.Error?.ToString());
        return result.Value;
    }

    private static AwsState Merge(params string[] fixtures) =>
        AwsStateMerger.Merge([.. fixtures.Select(Parse)]);

    [Theory]
    [InlineData("ec2_describe-security-group-rules_ex1.json", "ec2 describe-security-group-rules")]
    [InlineData("ec2_describe-network-interfaces.json", "ec2 describe-network-interfaces")]
    [InlineData("eks_list-access-entries.json", "eks list-access-entries")]
    [InlineData("eks_describe-access-entry.json", "eks describe-access-entry")]
    [InlineData("eks_list-associated-access-policies.json", "eks list-associated-access-policies")]
    public void Each_output_is_recognised_by_its_content(string fixture, string command) =>
        Assert.Equal(command, Parse(fixture).Command);

    [Fact]
    public void Ip_permissions_become_one_rule_per_peer_with_the_protocol_and_ports()
    {
        var g = Assert.Single(Parse("ec2_describe-security-groups_ex1.repaired.json").State.SecurityGroups);
        var ingress = g.Rules.Where(r => !r.Egress).ToList();
        Assert.Equal(2, ingress.Count);
        Assert.Contains(ingress, r => r is { Protocol: "-1", ReferencedGroupId: "sg-903004f8", FromPort: null });
        Assert.Contains(ingress, r => r is { Protocol: "tcp", FromPort: 22, ToPort: 22, CidrIpv4: "203.0.113.0/24", Description: "Access from NY office" });
        var egress = Assert.Single(g.Rules, r => r.Egress);
        Assert.Equal(("-1", "0.0.0.0/0"), (egress.Protocol, egress.CidrIpv4));
        Assert.Equal("SecurityGroups[0].IpPermissions[1]", ingress.Single(r => r.FromPort == 22).Source.Path);
    }

    [Fact]
    public void Ipv6_ranges_and_prefix_lists_are_rules_too()
    {
        var json = """
            {"SecurityGroups": [{"GroupId": "sg-1", "IpPermissions": [{"IpProtocol": "6", "FromPort": 443, "ToPort": 443,
              "Ipv6Ranges": [{"CidrIpv6": "2600:1f14::/56"}], "PrefixListIds": [{"PrefixListId": "pl-0abc"}], "IpRanges": [], "UserIdGroupPairs": []}],
              "IpPermissionsEgress": []}]}
            """u8.ToArray();
        var rules = Assert.Single(AwsDumpParser.Parse(json, "sg.json").Value!.State.SecurityGroups).Rules;
        Assert.Equal(2, rules.Length);
        Assert.All(rules, r => Assert.Equal("tcp", r.Protocol));
        Assert.Contains(rules, r => r.CidrIpv6 == "2600:1f14::/56");
        Assert.Contains(rules, r => r.PrefixListId == "pl-0abc");
    }

    [Fact]
    public void Security_group_rules_output_replaces_a_groups_permissions_and_keeps_rule_ids()
    {
        var state = Merge("ec2_describe-security-group-rules_ex1.json");
        var g = Assert.Single(state.SecurityGroups);
        Assert.Equal("sg-1234567890abcdef0", g.GroupId);
        Assert.Equal(3, g.Rules.Length);
        var self = Assert.Single(g.Rules, r => !r.Egress);
        Assert.Equal(("sgr-abcdef01234567890", "sg-1234567890abcdef0"), (self.RuleId, self.ReferencedGroupId));
        Assert.Contains(g.Rules, r => r is { Egress: true, CidrIpv6: "::/0" });
        Assert.Contains(AwsStateKind.SecurityGroupRules, state.Loaded);
    }

    [Fact]
    public void Network_interfaces_carry_their_groups_and_instance()
    {
        var enis = Parse("ec2_describe-network-interfaces.json").State.NetworkInterfaces;
        Assert.Equal(2, enis.Length);
        Assert.Equal(("i-1234567890abcdef0", "sg-8637d3e3"), (enis[0].InstanceId, enis[0].SecurityGroupIds.Single()));
        Assert.False(enis[0].IsPodBranch);
    }

    [Fact]
    public void A_branch_eni_is_a_pods_eni()
    {
        var json = """{"NetworkInterfaces": [{"NetworkInterfaceId": "eni-b1", "InterfaceType": "branch", "Groups": [{"GroupId": "sg-pod"}], "TagSet": [{"Key": "eks:eni:owner", "Value": "eks-vpc-resource-controller"}]}]}"""u8.ToArray();
        var eni = Assert.Single(AwsDumpParser.Parse(json, "eni.json").Value!.State.NetworkInterfaces);
        Assert.True(eni.IsPodBranch);
        Assert.Equal("eks-vpc-resource-controller", eni.Tags["eks:eni:owner"]);
    }

    [Fact]
    public void Describe_cluster_gives_authentication_mode_and_the_control_plane_groups()
    {
        var c = Assert.Single(Parse("eks_describe-cluster.json").State.EksClusters);
        Assert.Equal("API_AND_CONFIG_MAP", c.AuthenticationMode);
        Assert.Equal("sg-01c84d09d70f39a7f", c.ClusterSecurityGroupId);
        Assert.Equal(["sg-01c84d09d70f39a7f", "sg-0c1327f6270afbb36"], c.ControlPlaneGroupIds.ToArray());
        Assert.Equal(6, c.SubnetIds.Length);
        Assert.Equal((true, true), (c.EndpointPublicAccess, c.EndpointPrivateAccess));
    }

    [Fact]
    public void Listed_access_entries_take_the_dumps_only_cluster_and_a_described_entry_outranks_them()
    {
        var state = Merge("eks_describe-cluster.json", "eks_list-access-entries.json");
        Assert.Equal(4, state.AccessEntries.Length);
        Assert.All(state.AccessEntries, e => Assert.Equal("my-eks-cluster", e.ClusterName));
        Assert.All(state.AccessEntries, e => Assert.True(e.ListedOnly));

        var described = Merge("eks_list-access-entries.json", "eks_describe-access-entry.json");
        var user = Assert.Single(described.AccessEntries, e => e.PrincipalArn.EndsWith("user/eks-admin-user", StringComparison.Ordinal));
        Assert.Equal(("STANDARD", false, "eks-customer"), (user.Type, user.ListedOnly, user.ClusterName));
    }

    [Fact]
    public void Associated_access_policies_name_cluster_principal_policy_and_scope()
    {
        var a = Assert.Single(Parse("eks_list-associated-access-policies.json").State.AccessPolicyAssociations);
        Assert.Equal(("eks-customer", "arn:aws:iam::111122223333:role/Admin", "arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminPolicy", "cluster"),
            (a.ClusterName, a.PrincipalArn, a.PolicyArn, a.ScopeType));
    }

    [Fact]
    public void A_directory_with_an_output_not_read_still_loads_and_lists_it()
    {
        var state = AwsDumpDirectory.Read([
            ("a/ec2_describe-tags.json", (ReadOnlyMemory<byte>)Fixtures.Bytes("aws/aws-cli/ec2_describe-tags_ex1.json")),
            ("a/sg.json", Fixtures.Bytes("aws/aws-cli/ec2_describe-security-groups_ex1.repaired.json")),
        ]);
        Assert.True(state.IsOk, state.Error?.ToString());
        Assert.Equal("a/ec2_describe-tags.json", Assert.Single(state.Value.NotRead).File);
        Assert.Single(state.Value.SecurityGroups);
    }
}
