using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping.Aws;

/// <summary>aws_ec2_tag: one tag on an EC2 resource (subnets of a VPC made elsewhere are tagged this way).
/// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ec2_tag</summary>
public sealed record Ec2TagValues(Known<string?> ResourceId, Known<string?> Key, Known<string?> Value);

public sealed record Ec2TagChange(ResourceChange Change, Ec2TagValues? Before, Ec2TagValues? After) : MappedChange(Change);

public sealed class Ec2TagMapper : IResourceMapper
{
    public string ResourceType => "aws_ec2_tag";

    public IReadOnlyList<string> Attributes { get; } = ["key", "resource_id", "value"];

    public MappedChange Map(ResourceChange change)
    {
        var (before, after) = PlanValues.BothSides(change, Read);
        return new Ec2TagChange(change, before, after);
    }

    private static Ec2TagValues? Read(PlanValue v) => v is PlanObject
        ? new Ec2TagValues(PlanValues.Str(v, "resource_id"), PlanValues.Str(v, "key"), PlanValues.Str(v, "value"))
        : null;
}
