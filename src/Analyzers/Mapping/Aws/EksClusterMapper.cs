using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping.Aws;

/// <summary>aws_eks_cluster: name, arn and Kubernetes version (what replacement and version rules judge).
/// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_cluster</summary>
public sealed record EksClusterValues(Known<string?> Name, Known<string?> Arn, Known<string?> Version);

public sealed record EksClusterChange(ResourceChange Change, EksClusterValues? Before, EksClusterValues? After) : MappedChange(Change);

public sealed class EksClusterMapper : IResourceMapper
{
    public string ResourceType => "aws_eks_cluster";

    public IReadOnlyList<string> Attributes { get; } = ["arn", "name", "version"];

    public MappedChange Map(ResourceChange change)
    {
        var (before, after) = PlanValues.BothSides(change, Read);
        return new EksClusterChange(change, before, after);
    }

    private static EksClusterValues? Read(PlanValue v) => v is PlanObject
        ? new EksClusterValues(PlanValues.Str(v, "name"), PlanValues.Str(v, "arn"), PlanValues.Str(v, "version"))
        : null;
}
