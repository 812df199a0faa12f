using Kalc.Iac.Analyzers.Rules.Kubespray;
using Kalc.Iac.AwsModel.Model;

namespace Kalc.Iac.Analyzers.Network;

/// <summary>Does a flow pass the security groups? Security groups are stateful allow-lists: a flow passes when an egress
/// rule of a group on the source's ENI and an ingress rule of a group on the destination's ENI both allow it
/// (https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html). Any one allowing rule of any group on that
/// side is enough, so a rule removed while another still allows the flow changes nothing. A rule's peer is a group (the
/// other side carries it, a self reference included), an IPv4 or IPv6 CIDR (the other side's addresses all inside it), or
/// a prefix list (its entries are not in the state: unknown). Protocol -1 is every protocol and port.</summary>
public static class SecurityGroupEvaluator
{
    public static ReachResult Evaluate(SecurityGroupRuleSet rules, NetworkEndpoint source, NetworkEndpoint destination, string protocol, int? port) =>
        ReachResult.Combine(
            Side(rules, destination, source, egress: false, protocol, port),
            Side(rules, source, destination, egress: true, protocol, port));

    /// <summary>The best answer among the rules of <paramref name="owner"/>'s groups in one direction, <paramref name="peer"/> the other side.</summary>
    public static SideResult Side(SecurityGroupRuleSet rules, NetworkEndpoint owner, NetworkEndpoint peer, bool egress, string protocol, int? port)
    {
        if (!owner.GroupsKnown) return new SideResult(Reach.Unknown, null, $"the security groups of {owner.Name} are not in the state");
        SideResult best = new(Reach.Denied, null, null);
        foreach (var groupId in owner.GroupIds)
        {
            if (rules.Unknown.TryGetValue(groupId, out var why))
            {
                if (best.Reach == Reach.Denied) best = new SideResult(Reach.Unknown, null, why);
                continue;
            }
            if (!rules.Rules.TryGetValue(groupId, out var list))
            {
                if (best.Reach == Reach.Denied && !rules.Deleted.Contains(groupId))
                    best = new SideResult(Reach.Unknown, null, $"the rules of {groupId} are not in the state (ec2 describe-security-groups)");
                continue;
            }
            foreach (var rule in list)
            {
                if (rule.Egress != egress || !Carries(rule, protocol, port)) continue;
                var match = PeerMatches(rule, peer);
                if (match == Reach.Allowed) return new SideResult(Reach.Allowed, rule, null);
                if (match == Reach.Unknown && best.Reach == Reach.Denied)
                    best = new SideResult(Reach.Unknown, rule, rule.PrefixListId is { } pl
                        ? $"{rule.GroupId} allows it from prefix list {pl}, whose entries are not in the state"
                        : $"{rule.GroupId} allows it from {rule.Peer}, which holds only some of {peer.Name}'s possible addresses");
            }
        }
        return best;
    }

    /// <summary>Protocol -1 carries everything; otherwise the same protocol, and for tcp/udp a port inside the range
    /// (a range absent or -1 means every port).</summary>
    public static bool Carries(SecurityGroupRule rule, string protocol, int? port)
    {
        if (rule.Protocol == IpProtocols.All) return true;
        if (rule.Protocol != protocol) return false;
        if (port is not { } p || protocol is not ("tcp" or "udp")) return true;
        if (rule.FromPort is null or -1) return true;
        return rule.FromPort <= p && p <= (rule.ToPort ?? rule.FromPort);
    }

    public static Reach PeerMatches(SecurityGroupRule rule, NetworkEndpoint peer)
    {
        if (rule.ReferencedGroupId is { } g)
            return peer.GroupIds.Contains(g) ? Reach.Allowed : peer.GroupsKnown ? Reach.Denied : Reach.Unknown;
        if (rule.PrefixListId is not null) return Reach.Unknown;
        var text = rule.CidrIpv4 ?? rule.CidrIpv6;
        if (!Cidr.TryParse(text, out var cidr)) return Reach.Denied;
        var sameFamily = peer.Addresses.Where(a => a.Family == cidr.Family).ToList();
        if (sameFamily.Count == 0)
        {
            // Addresses not in the state: 0.0.0.0/0 holds them whatever they are; an IPv6 rule does not carry the IPv4
            // traffic of an IPv4 cluster (IPv6 clusters give their nodes' IPv6 addresses).
            if (!peer.Addresses.IsEmpty || cidr.Family == System.Net.Sockets.AddressFamily.InterNetworkV6) return Reach.Denied;
            return cidr.Prefix == 0 ? Reach.Allowed : Reach.Unknown;
        }
        if (sameFamily.All(cidr.Contains)) return Reach.Allowed;
        return sameFamily.Any(cidr.Overlaps) ? Reach.Unknown : Reach.Denied;
    }
}
