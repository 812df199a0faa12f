using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping.Aws;

/// <summary>aws_iam_role_policy_attachment: role (NAME) and policy_arn.
/// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_role_policy_attachment</summary>
public sealed record RolePolicyAttachmentValues(Known<string?> Role, Known<string?> PolicyArn);

public sealed record RolePolicyAttachmentChange(ResourceChange Change, RolePolicyAttachmentValues? Before, RolePolicyAttachmentValues? After) : MappedChange(Change);

public sealed class RolePolicyAttachmentMapper : IResourceMapper
{
    public string ResourceType => "aws_iam_role_policy_attachment";

    public IReadOnlyList<string> Attributes { get; } = ["policy_arn", "role"];

    public MappedChange Map(ResourceChange change)
    {
        var (before, after) = PlanValues.BothSides(change, Read);
        var identity = before ?? after;
        return new RolePolicyAttachmentChange(change, before, after).Identified(identity is not null && identity.Role.IsKnown && identity.PolicyArn.IsKnown, "the role or the policy ARN is known only after apply");
    }

    private static RolePolicyAttachmentValues? Read(PlanValue v) => v is PlanObject
        ? new RolePolicyAttachmentValues(PlanValues.Str(v, "role"), PlanValues.Str(v, "policy_arn"))
        : null;
}
