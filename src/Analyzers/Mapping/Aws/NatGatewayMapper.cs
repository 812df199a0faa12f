using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping.Aws;

/// <summary>aws_nat_gateway: its id (what private subnets' default routes point at).
/// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/nat_gateway</summary>
public sealed record NatGatewayValues(Known<string?> Id, Known<string?> SubnetId);

public sealed record NatGatewayChange(ResourceChange Change, NatGatewayValues? Before, NatGatewayValues? After) : MappedChange(Change);

public sealed class NatGatewayMapper : IResourceMapper
{
    public string ResourceType => "aws_nat_gateway";

    public IReadOnlyList<string> Attributes { get; } = ["id", "subnet_id"];

    public MappedChange Map(ResourceChange change)
    {
        var (before, after) = PlanValues.BothSides(change, Read);
        return new NatGatewayChange(change, before, after);
    }

    private static NatGatewayValues? Read(PlanValue v) => v is PlanObject ? new NatGatewayValues(PlanValues.Str(v, "id"), PlanValues.Str(v, "subnet_id")) : null;
}
