using System.Text.Json;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary><c>ec2 describe-route-tables</c>: each table's subnet associations (Associations[].SubnetId, Main) and routes
/// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Route.html).</summary>
internal static class RouteTablesReader
{
    private static readonly string[] OtherTargets =
        ["InstanceId", "NetworkInterfaceId", "VpcPeeringConnectionId", "EgressOnlyInternetGatewayId", "LocalGatewayId", "CarrierGatewayId", "CoreNetworkArn"];

    public static void Read(AwsDump dump, FragmentParts parts)
    {
        var i = 0;
        foreach (var t in dump.Items("RouteTables"))
        {
            var path = $"RouteTables[{i++}]";
            var associations = t.Arr("Associations").ToList();
            parts.RouteTables.Add(new RouteTable
            {
                RouteTableId = t.Need("RouteTableId", path),
                VpcId = t.Str("VpcId"),
                IsMain = associations.Any(a => a.Bool("Main")),
                SubnetIds = [.. associations.Select(a => a.Str("SubnetId")).OfType<string>()],
                Routes = [.. t.Arr("Routes").Select(ReadRoute).OfType<Route>()],
                Tags = AwsTags.Read(t),
                Source = SourceRef.Of(parts.File, path: path),
            });
        }
        parts.Loaded.Add(AwsStateKind.RouteTables);
    }

    private static Route? ReadRoute(JsonElement r)
    {
        var destination = r.Str("DestinationCidrBlock") ?? r.Str("DestinationIpv6CidrBlock") ?? r.Str("DestinationPrefixListId");
        if (destination is null) return null;
        return new Route
        {
            Destination = destination,
            NatGatewayId = r.Str("NatGatewayId"),
            GatewayId = r.Str("GatewayId"),
            TransitGatewayId = r.Str("TransitGatewayId"),
            OtherTarget = OtherTargets.Select(k => r.Str(k)).FirstOrDefault(v => v is not null),
            State = r.Str("State"),
        };
    }
}
