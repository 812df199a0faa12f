using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping.Aws;

/// <summary>aws_iam_role_policies_exclusive: after apply the role keeps only the inline policies named here (others are deleted);
/// destroying the resource deletes nothing.
/// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_role_policies_exclusive</summary>
public sealed record ExclusiveInlineValues(Known<string?> RoleName, Known<IReadOnlyList<string>> PolicyNames);

public sealed record ExclusiveInlineChange(ResourceChange Change, ExclusiveInlineValues? Before, ExclusiveInlineValues? After) : MappedChange(Change);

public sealed class RolePoliciesExclusiveMapper : IResourceMapper
{
    public string ResourceType => "aws_iam_role_policies_exclusive";

    public IReadOnlyList<string> Attributes { get; } = ["policy_names", "role_name"];

    public MappedChange Map(ResourceChange change)
    {
        var (before, after) = PlanValues.BothSides(change, Read);
        return new ExclusiveInlineChange(change, before, after).Identified((before ?? after) is { RoleName.IsKnown: true }, "the role name is known only after apply");
    }

    private static ExclusiveInlineValues? Read(PlanValue v) => v is PlanObject
        ? new ExclusiveInlineValues(PlanValues.Str(v, "role_name"), PlanValues.Strings(v, "policy_names"))
        : null;
}
