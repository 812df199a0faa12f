using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping.Aws;

/// <summary>aws_iam_policy_attachment: one managed policy exclusively attached to the listed roles (and users, groups).
/// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_policy_attachment</summary>
public sealed record PolicyAttachmentValues(Known<string?> PolicyArn, Known<IReadOnlyList<string>> Roles);

public sealed record PolicyAttachmentChange(ResourceChange Change, PolicyAttachmentValues? Before, PolicyAttachmentValues? After) : MappedChange(Change);

public sealed class PolicyAttachmentMapper : IResourceMapper
{
    public string ResourceType => "aws_iam_policy_attachment";

    public IReadOnlyList<string> Attributes { get; } = ["policy_arn", "roles"];

    public MappedChange Map(ResourceChange change)
    {
        var (before, after) = PlanValues.BothSides(change, Read);
        var identity = before ?? after;
        return new PolicyAttachmentChange(change, before, after).Identified(identity is not null && identity.PolicyArn.IsKnown, "the policy ARN is known only after apply");
    }

    private static PolicyAttachmentValues? Read(PlanValue v) => v is PlanObject
        ? new PolicyAttachmentValues(PlanValues.Str(v, "policy_arn"), PlanValues.Strings(v, "roles"))
        : null;
}
