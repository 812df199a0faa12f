using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping.Aws;

/// <summary>aws_iam_role_policy_attachments_exclusive: after apply the role has exactly these managed policies attached;
/// destroying the resource detaches nothing.
/// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_role_policy_attachments_exclusive</summary>
public sealed record ExclusiveAttachmentsValues(Known<string?> RoleName, Known<IReadOnlyList<string>> PolicyArns);

public sealed record ExclusiveAttachmentsChange(ResourceChange Change, ExclusiveAttachmentsValues? Before, ExclusiveAttachmentsValues? After) : MappedChange(Change);

public sealed class RolePolicyAttachmentsExclusiveMapper : IResourceMapper
{
    public string ResourceType => "aws_iam_role_policy_attachments_exclusive";

    public IReadOnlyList<string> Attributes { get; } = ["policy_arns", "role_name"];

    public MappedChange Map(ResourceChange change)
    {
        var (before, after) = PlanValues.BothSides(change, Read);
        return new ExclusiveAttachmentsChange(change, before, after).Identified((before ?? after) is { RoleName.IsKnown: true }, "the role name is known only after apply");
    }

    private static ExclusiveAttachmentsValues? Read(PlanValue v) => v is PlanObject
        ? new ExclusiveAttachmentsValues(PlanValues.Str(v, "role_name"), PlanValues.Strings(v, "policy_arns"))
        : null;
}
