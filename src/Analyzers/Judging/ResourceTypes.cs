using Kalc.Iac.Analyzers.Catalog;

namespace Kalc.Iac.Analyzers.Judging;

/// <summary>The resource type classes the verdict uses by default: the type catalogue (Catalog/resource-types.json), read
/// for what a change of each type can touch.</summary>
public static class ResourceTypes
{
    /// <summary>Each type's facts, worked out once (a large plan asks for the same few types tens of thousands of times).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TypeFacts?> Facts = new(StringComparer.Ordinal);

    public static ResourceTypeClasses Default { get; } = new(type => Facts.GetOrAdd(type, t => From(ResourceTypeCatalog.Default.Classify(t))));

    /// <summary>Types whose whole purpose is to change a VPC (its DNS options, CIDRs, gateways, endpoints): for these, vpc_id
    /// names what they change; for any other type it only says where the resource lives.</summary>
    private static bool ChangesTheVpc(string type) =>
        type.StartsWith("aws_vpc_", StringComparison.Ordinal) || type is "aws_internet_gateway" or "aws_internet_gateway_attachment"
            or "aws_egress_only_internet_gateway" or "aws_vpn_gateway_attachment" or "aws_default_route_table" or "aws_default_network_acl"
            or "aws_main_route_table_association" or "aws_ec2_transit_gateway_vpc_attachment";

    private static TypeFacts? From(ResourceTypeInfo info)
    {
        if (!info.InCatalogue) return null;
        if (ResourceTypeClasses.IsInCluster(info.Type) && info.Class != ResourceTypeClass.CannotAffect)
            return new TypeFacts(TypeClass.InCluster, info.Reason, []);
        if (info.Class == ResourceTypeClass.CannotAffect) return new TypeFacts(TypeClass.CannotAffect, info.Reason, []);
        var ties = info.Ties.Where(t => t != "vpc_id" || ChangesTheVpc(info.Type)).ToList();
        return new TypeFacts(TypeClass.MayAffect, info.Reason, ties);
    }
}
