using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Network;
using Kalc.Iac.Analyzers.Rules.Kubespray;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.Analyzers.Tests.Network;

/// <summary>Security group evaluation: both directions, group references, self references, CIDRs, IPv6, prefix lists,
/// protocol -1 and port ranges, and any other allowing rule keeping a flow open.</summary>
public sealed class SecurityGroupEvaluatorTests
{
    private static readonly SourceRef Src = SourceRef.Of("test.json");

    private static SecurityGroupRule In(string group, string proto, int? from, int? to, string? peerGroup = null, string? cidr = null, string? cidr6 = null, string? prefixList = null) =>
        new() { GroupId = group, Egress = false, Protocol = proto, FromPort = from, ToPort = to, ReferencedGroupId = peerGroup, CidrIpv4 = cidr, CidrIpv6 = cidr6, PrefixListId = prefixList, Source = Src };

    private static SecurityGroupRule AllOut(string group) =>
        new() { GroupId = group, Egress = true, Protocol = "-1", CidrIpv4 = "0.0.0.0/0", Source = Src };

    private static NetworkEndpoint Endpoint(string name, string[] groups, params string[] ips) => new()
    {
        Name = name,
        GroupIds = [.. groups],
        Addresses = [.. ips.Select(i => Cidr.TryParse(i.Contains('/') ? i : i + "/32", out var c) ? c : throw new ArgumentException(i))],
    };

    private static SecurityGroupRuleSet Rules(params SecurityGroupRule[] rules) =>
        new(rules.GroupBy(r => r.GroupId).ToDictionary(g => g.Key, g => g.ToImmutableArray()));

    private static readonly NetworkEndpoint ControlPlane = Endpoint("cp", ["sg-cluster"], "10.0.0.0/24");
    private static readonly NetworkEndpoint Nodes = Endpoint("nodes", ["sg-node"], "10.0.16.5", "10.0.32.7");

    [Fact]
    public void A_group_reference_on_ingress_and_open_egress_allow_the_flow()
    {
        var r = SecurityGroupEvaluator.Evaluate(Rules(In("sg-node", "tcp", 10250, 10250, "sg-cluster"), AllOut("sg-cluster"), AllOut("sg-node")), ControlPlane, Nodes, "tcp", 10250);
        Assert.Equal(Reach.Allowed, r.Reach);
        Assert.Equal("sg-cluster", r.Ingress!.ReferencedGroupId);
    }

    [Fact]
    public void Without_an_egress_rule_on_the_source_the_flow_is_denied()
    {
        var r = SecurityGroupEvaluator.Evaluate(Rules(In("sg-node", "tcp", 10250, 10250, "sg-cluster"), AllOut("sg-node"), In("sg-cluster", "tcp", 443, 443, "sg-node")), ControlPlane, Nodes, "tcp", 10250);
        Assert.Equal(Reach.Denied, r.Reach);
    }

    [Theory]
    [InlineData("tcp", 9443, 9443, 9443, true)]
    [InlineData("tcp", 1025, 65535, 9443, true)]
    [InlineData("tcp", 443, 443, 9443, false)]
    [InlineData("udp", 9443, 9443, 9443, false)]
    [InlineData("-1", null, null, 9443, true)]
    public void Protocol_and_port_range_decide(string proto, int? from, int? to, int port, bool allowed)
    {
        var r = SecurityGroupEvaluator.Evaluate(Rules(In("sg-node", proto, from, to, "sg-cluster"), AllOut("sg-cluster")), ControlPlane, Nodes, "tcp", port);
        Assert.Equal(allowed ? Reach.Allowed : Reach.Denied, r.Reach);
    }

    [Fact]
    public void A_self_reference_allows_node_to_node_traffic()
    {
        var rules = Rules(In("sg-node", "udp", 53, 53, "sg-node"), AllOut("sg-node"));
        Assert.Equal(Reach.Allowed, SecurityGroupEvaluator.Evaluate(rules, Nodes, Nodes, "udp", 53).Reach);
        Assert.Equal(Reach.Denied, SecurityGroupEvaluator.Evaluate(rules, ControlPlane, Nodes, "udp", 53).Reach);
    }

    [Theory]
    [InlineData("10.0.0.0/16", Reach.Allowed)]
    [InlineData("10.0.16.0/24", Reach.Unknown)]
    [InlineData("192.168.0.0/16", Reach.Denied)]
    public void A_cidr_allows_when_it_holds_every_address_of_the_other_side(string cidr, Reach expected)
    {
        var r = SecurityGroupEvaluator.Evaluate(Rules(In("sg-cluster", "tcp", 443, 443, cidr: cidr), AllOut("sg-node")), Nodes, ControlPlane with { GroupIds = ["sg-cluster"] }, "tcp", 443);
        Assert.Equal(expected, r.Reach);
    }

    [Fact]
    public void An_ipv6_rule_does_not_carry_ipv4_traffic_and_a_prefix_list_is_unknown()
    {
        Assert.Equal(Reach.Denied, SecurityGroupEvaluator.Evaluate(Rules(In("sg-node", "tcp", 10250, 10250, cidr6: "::/0"), AllOut("sg-cluster")), ControlPlane, Nodes, "tcp", 10250).Reach);
        var pl = SecurityGroupEvaluator.Evaluate(Rules(In("sg-node", "tcp", 10250, 10250, prefixList: "pl-0abc"), AllOut("sg-cluster")), ControlPlane, Nodes, "tcp", 10250);
        Assert.Equal(Reach.Unknown, pl.Reach);
        Assert.Contains("pl-0abc", pl.WhyUnknown, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_group_on_the_destination_keeps_the_flow_open()
    {
        var twoGroups = Nodes with { GroupIds = ["sg-node", "sg-cluster"] };
        var rules = Rules(In("sg-cluster", "-1", null, null, "sg-cluster"), AllOut("sg-cluster"));
        Assert.Equal(Reach.Allowed, SecurityGroupEvaluator.Evaluate(rules, ControlPlane, twoGroups, "tcp", 9443).Reach);
    }

    [Fact]
    public void A_group_whose_rules_are_not_in_the_state_is_unknown_not_denied()
    {
        var r = SecurityGroupEvaluator.Evaluate(Rules(AllOut("sg-cluster")), ControlPlane, Nodes, "tcp", 10250);
        Assert.Equal(Reach.Unknown, r.Reach);
        Assert.Contains("sg-node", r.WhyUnknown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_catalog_has_a_source_for_every_flow_and_cni()
    {
        var catalog = FlowCatalog.Default;
        Assert.All(catalog.Flows, f => Assert.StartsWith("https://", f.SourceLink, StringComparison.Ordinal));
        Assert.All(catalog.Cnis, c => Assert.StartsWith("https://", c.SourceLink, StringComparison.Ordinal));
        Assert.Equal("4", catalog.Get("calico-ipip").Protocol);
        Assert.Contains(catalog.Flows, f => f is { Id: "kubelet-api", Protocol: "tcp", FromPort: 10250 });
        Assert.All(catalog.Flows.Where(f => f.When.StartsWith("cni:", StringComparison.Ordinal)), f => Assert.Contains(catalog.Cnis, c => "cni:" + c.Name == f.When));
    }
}
