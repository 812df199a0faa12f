using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping.Aws;

/// <summary>aws_instance: id and iam_instance_profile (a profile NAME).
/// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance</summary>
public sealed record Ec2InstanceValues(Known<string?> Id, Known<string?> InstanceProfileName);

public sealed record Ec2InstanceChange(ResourceChange Change, Ec2InstanceValues? Before, Ec2InstanceValues? After) : MappedChange(Change);

public sealed class Ec2InstanceMapper : IResourceMapper
{
    public string ResourceType => "aws_instance";

    public IReadOnlyList<string> Attributes { get; } = ["iam_instance_profile", "id"];

    public MappedChange Map(ResourceChange change)
    {
        var (before, after) = PlanValues.BothSides(change, Read);
        return new Ec2InstanceChange(change, before, after).Identified(before is null || before.Id.IsKnown, "the instance id is not in the plan");
    }

    private static Ec2InstanceValues? Read(PlanValue v) => v is PlanObject
        ? new Ec2InstanceValues(PlanValues.Str(v, "id"), PlanValues.Str(v, "iam_instance_profile"))
        : null;
}
