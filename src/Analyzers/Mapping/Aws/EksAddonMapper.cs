using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping.Aws;

/// <summary>aws_eks_addon: cluster, add-on name and version, its service account role, and <c>preserve</c> (keep the add-on's
/// Kubernetes objects when the add-on is deleted). https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_addon</summary>
public sealed record EksAddonValues(Known<string?> ClusterName, Known<string?> AddonName, Known<string?> Version, Known<string?> ServiceAccountRoleArn, Known<bool?> Preserve);

public sealed record EksAddonChange(ResourceChange Change, EksAddonValues? Before, EksAddonValues? After) : MappedChange(Change);

public sealed class EksAddonMapper : IResourceMapper
{
    public string ResourceType => "aws_eks_addon";

    public IReadOnlyList<string> Attributes { get; } = ["addon_name", "addon_version", "cluster_name", "preserve", "service_account_role_arn"];

    public MappedChange Map(ResourceChange change)
    {
        var (before, after) = PlanValues.BothSides(change, Read);
        return new EksAddonChange(change, before, after);
    }

    private static EksAddonValues? Read(PlanValue v) => v is PlanObject
        ? new EksAddonValues(PlanValues.Str(v, "cluster_name"), PlanValues.Str(v, "addon_name"), PlanValues.Str(v, "addon_version"),
            PlanValues.Str(v, "service_account_role_arn"), PlanMaps.Bool(v, "preserve"))
        : null;
}
