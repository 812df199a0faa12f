using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping.Aws;

/// <summary>aws_eks_node_group: what decides whether its nodes are replaced (version, release_version, the launch template's
/// version; instance types, AMI type, subnets and the launch template itself force a new group) and how many go at once
/// (update_config). https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_node_group</summary>
public sealed record EksNodeGroupValues(
    Known<string?> ClusterName,
    Known<string?> Name,
    Known<string?> Version,
    Known<string?> ReleaseVersion,
    Known<string?> AmiType,
    Known<IReadOnlyList<string>> InstanceTypes,
    Known<IReadOnlyList<string>> SubnetIds,
    Known<string?> LaunchTemplateId,
    Known<string?> LaunchTemplateName,
    Known<string?> LaunchTemplateVersion,
    Known<int?> DesiredSize,
    Known<int?> MaxUnavailable,
    Known<int?> MaxUnavailablePercentage,
    Known<bool?> ForceUpdateVersion);

public sealed record EksNodeGroupChange(ResourceChange Change, EksNodeGroupValues? Before, EksNodeGroupValues? After) : MappedChange(Change);

public sealed class EksNodeGroupMapper : IResourceMapper
{
    public string ResourceType => "aws_eks_node_group";

    public IReadOnlyList<string> Attributes { get; } =
        ["ami_type", "cluster_name", "force_update_version", "id", "instance_types", "launch_template", "node_group_name", "release_version", "scaling_config", "subnet_ids", "update_config", "version"];

    public MappedChange Map(ResourceChange change)
    {
        var (before, after) = PlanValues.BothSides(change, Read);
        return new EksNodeGroupChange(change, before, after);
    }

    private static EksNodeGroupValues? Read(PlanValue v)
    {
        if (v is not PlanObject) return null;
        var lt = PlanValues.Block(v, "launch_template");
        var scaling = PlanValues.Block(v, "scaling_config");
        var update = PlanValues.Block(v, "update_config"); // nested names: snake_case in Terraform, camelCase in a Pulumi preview (PlanMaps.Name)
        // A text plan hides unchanged attributes but always shows id, "CLUSTER:NODE_GROUP" (the provider's id format).
        var (cluster, name) = (PlanValues.Str(v, "cluster_name"), PlanValues.Str(v, "node_group_name"));
        if (cluster is { IsKnown: true, Value: null } && name is { IsKnown: true, Value: null } && v["id"].AsString() is { } id && id.IndexOf(':') is > 0 and var colon)
            (cluster, name) = (Known<string?>.Of(id[..colon]), Known<string?>.Of(id[(colon + 1)..]));
        return new EksNodeGroupValues(cluster, name, PlanValues.Str(v, "version"),
            PlanValues.Str(v, "release_version"), PlanValues.Str(v, "ami_type"), PlanValues.Strings(v, "instance_types"), PlanValues.Strings(v, "subnet_ids"),
            PlanValues.Str(lt, "id"), PlanValues.Str(lt, "name"), PlanValues.Str(lt, "version"),
            PlanMaps.Int(scaling, "desired_size"), PlanMaps.Int(update, "max_unavailable"), PlanMaps.Int(update, "max_unavailable_percentage"),
            PlanMaps.Bool(v, "force_update_version"));
    }
}
