using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping.Aws;

/// <summary>aws_launch_template: id, name, and the iam_instance_profile block (arn or name) new instances get.
/// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/launch_template</summary>
public sealed record LaunchTemplateValues(Known<string?> Id, Known<string?> Name, Known<string?> InstanceProfileArn, Known<string?> InstanceProfileName);

public sealed record LaunchTemplateChange(ResourceChange Change, LaunchTemplateValues? Before, LaunchTemplateValues? After) : MappedChange(Change);

public sealed class LaunchTemplateMapper : IResourceMapper
{
    public string ResourceType => "aws_launch_template";

    public IReadOnlyList<string> Attributes { get; } = ["arn", "iam_instance_profile", "id", "name"];

    public MappedChange Map(ResourceChange change)
    {
        var (before, after) = PlanValues.BothSides(change, Read);
        return new LaunchTemplateChange(change, before, after);
    }

    private static LaunchTemplateValues? Read(PlanValue v)
    {
        if (v is not PlanObject) return null;
        var profile = PlanValues.Block(v, "iam_instance_profile");
        return new LaunchTemplateValues(PlanValues.Str(v, "id"), PlanValues.Str(v, "name"),
            PlanValues.Str(profile, "arn"), PlanValues.Str(profile, "name"));
    }
}
