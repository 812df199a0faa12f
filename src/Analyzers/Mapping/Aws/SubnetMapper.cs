using System.Collections.Immutable;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping.Aws;

/// <summary>aws_subnet: id, vpc, zone, and its tags. <c>tags_all</c> (tags plus the provider's default_tags) is what AWS
/// holds, so it is read when present, else <c>tags</c>.
/// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/subnet</summary>
public sealed record SubnetValues(Known<string?> Id, Known<string?> VpcId, Known<string?> AvailabilityZone, Known<ImmutableDictionary<string, string>> Tags);

public sealed record SubnetChange(ResourceChange Change, SubnetValues? Before, SubnetValues? After) : MappedChange(Change);

public sealed class SubnetMapper : IResourceMapper
{
    public string ResourceType => "aws_subnet";

    public IReadOnlyList<string> Attributes { get; } = ["availability_zone", "id", "tags", "tags_all", "vpc_id"];

    public MappedChange Map(ResourceChange change)
    {
        var (before, after) = PlanValues.BothSides(change, Read);
        return new SubnetChange(change, before, after);
    }

    private static SubnetValues? Read(PlanValue v) => v is PlanObject
        ? new SubnetValues(PlanValues.Str(v, "id"), PlanValues.Str(v, "vpc_id"), PlanValues.Str(v, "availability_zone"),
            v["tags_all"] is PlanNull ? PlanMaps.StringMap(v, "tags") : PlanMaps.StringMap(v, "tags_all"))
        : null;
}
