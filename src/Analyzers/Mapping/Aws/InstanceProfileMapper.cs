using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping.Aws;

/// <summary>aws_iam_instance_profile: name, arn, role (a role NAME).
/// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_instance_profile</summary>
public sealed record InstanceProfileValues(Known<string?> Name, Known<string?> Arn, Known<string?> Role, Known<string?> Path);

public sealed record InstanceProfileChange(ResourceChange Change, InstanceProfileValues? Before, InstanceProfileValues? After)
    : MappedChange(Change);

public sealed class InstanceProfileMapper : IResourceMapper
{
    public string ResourceType => "aws_iam_instance_profile";

    public IReadOnlyList<string> Attributes { get; } = ["arn", "name", "path", "role"];

    public MappedChange Map(ResourceChange change)
    {
        var (before, after) = PlanValues.BothSides(change, Read);
        var identity = before ?? after;
        return new InstanceProfileChange(change, before, after).Identified(identity is not null && (identity.Name.IsKnown || identity.Arn.IsKnown), "the instance profile's name and ARN are not in the plan");
    }

    private static InstanceProfileValues? Read(PlanValue v) => v is PlanObject
        ? new InstanceProfileValues(PlanValues.Str(v, "name"), PlanValues.Str(v, "arn"), PlanValues.Str(v, "role"), PlanValues.Str(v, "path"))
        : null;
}
