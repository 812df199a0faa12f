using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping.Aws;

/// <summary>aws_autoscaling_group: its launch template (or the mixed instances policy's) and version, and the instance_refresh
/// block that makes a launch template change replace the running instances (min_healthy_percentage, default 90).
/// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/autoscaling_group#instance_refresh</summary>
public sealed record AutoScalingGroupValues(
    Known<string?> Name,
    Known<string?> LaunchTemplateId,
    Known<string?> LaunchTemplateName,
    Known<string?> LaunchTemplateVersion,
    Known<int?> DesiredCapacity,
    bool HasInstanceRefresh,
    Known<int?> MinHealthyPercentage);

public sealed record AutoScalingGroupChange(ResourceChange Change, AutoScalingGroupValues? Before, AutoScalingGroupValues? After) : MappedChange(Change);

public sealed class AutoScalingGroupMapper : IResourceMapper
{
    public string ResourceType => "aws_autoscaling_group";

    public IReadOnlyList<string> Attributes { get; } = ["desired_capacity", "instance_refresh", "launch_template", "mixed_instances_policy", "name"];

    public MappedChange Map(ResourceChange change)
    {
        var (before, after) = PlanValues.BothSides(change, Read);
        return new AutoScalingGroupChange(change, before, after);
    }

    private static AutoScalingGroupValues? Read(PlanValue v)
    {
        if (v is not PlanObject) return null;
        var lt = PlanValues.Block(v, "launch_template");
        if (lt is PlanNull)
        {
            var mixed = PlanValues.Block(v, "mixed_instances_policy");
            var inner = PlanValues.Block(mixed, PlanMaps.Name(mixed, "launch_template"));
            lt = PlanValues.Block(inner, PlanMaps.Name(inner, "launch_template_specification"));
        }
        var refresh = PlanValues.Block(v, "instance_refresh");
        var preferences = PlanValues.Block(refresh, "preferences");
        // launch_template has id/name; the mixed policy's launch_template_specification launch_template_id/launch_template_name
        // (launchTemplateId/launchTemplateName in a Pulumi preview, whose nested values keep Pulumi's names).
        var id = lt["id"] is PlanNull ? PlanValues.Str(lt, PlanMaps.Name(lt, "launch_template_id")) : PlanValues.Str(lt, "id");
        var name = lt["name"] is PlanNull ? PlanValues.Str(lt, PlanMaps.Name(lt, "launch_template_name")) : PlanValues.Str(lt, "name");
        return new AutoScalingGroupValues(PlanValues.Str(v, "name"), id, name, PlanValues.Str(lt, "version"),
            PlanMaps.Int(v, "desired_capacity"), refresh is PlanObject, PlanMaps.Int(preferences, "min_healthy_percentage"));
    }
}
