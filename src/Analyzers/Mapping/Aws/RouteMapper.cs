using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping.Aws;

/// <summary>aws_route: one route of a route table, with its destination and target.
/// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/route</summary>
public sealed record RouteValues(Known<string?> RouteTableId, Known<string?> Destination, Known<string?> NatGatewayId, Known<string?> GatewayId);

public sealed record RouteChange(ResourceChange Change, RouteValues? Before, RouteValues? After) : MappedChange(Change);

public sealed class RouteMapper : IResourceMapper
{
    public string ResourceType => "aws_route";

    public IReadOnlyList<string> Attributes { get; } = ["destination_cidr_block", "destination_ipv6_cidr_block", "gateway_id", "nat_gateway_id", "route_table_id"];

    public MappedChange Map(ResourceChange change)
    {
        var (before, after) = PlanValues.BothSides(change, Read);
        return new RouteChange(change, before, after);
    }

    private static RouteValues? Read(PlanValue v) => v is PlanObject
        ? new RouteValues(PlanValues.Str(v, "route_table_id"),
            v["destination_cidr_block"] is PlanNull ? PlanValues.Str(v, "destination_ipv6_cidr_block") : PlanValues.Str(v, "destination_cidr_block"),
            PlanValues.Str(v, "nat_gateway_id"), PlanValues.Str(v, "gateway_id"))
        : null;
}
