using System.Collections.Immutable;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping.Aws;

/// <summary>aws_eks_access_entry: cluster_name, principal_arn, type (STANDARD, EC2_LINUX, EC2_WINDOWS, FARGATE_LINUX, ...),
/// kubernetes_groups. https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_access_entry</summary>
public sealed record AccessEntryValues(Known<string?> ClusterName, Known<string?> PrincipalArn, Known<string?> Type);

public sealed record AccessEntryChange(ResourceChange Change, AccessEntryValues? Before, AccessEntryValues? After) : MappedChange(Change);

public sealed class AccessEntryMapper : IResourceMapper
{
    public string ResourceType => "aws_eks_access_entry";

    public IReadOnlyList<string> Attributes { get; } = ["cluster_name", "principal_arn", "type", "kubernetes_groups"];

    public MappedChange Map(ResourceChange change)
    {
        var (before, after) = PlanValues.BothSides(change, v => v is PlanObject
            ? new AccessEntryValues(PlanValues.Str(v, "cluster_name"), PlanValues.Str(v, "principal_arn"), PlanValues.Str(v, "type"))
            : null);
        var identity = before ?? after;
        return new AccessEntryChange(change, before, after)
            .Identified(identity is not null && identity.PrincipalArn.IsKnown, "the access entry's principal is known only after apply");
    }
}
