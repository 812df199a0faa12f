using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping.Aws;

/// <summary>aws_iam_policy (customer managed): arn, name, policy (the default version's JSON text).
/// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_policy</summary>
public sealed record IamPolicyValues(Known<string?> Arn, Known<string?> Name, Known<string?> Policy);

public sealed record IamPolicyChange(ResourceChange Change, IamPolicyValues? Before, IamPolicyValues? After) : MappedChange(Change);

public sealed class IamPolicyMapper : IResourceMapper
{
    public string ResourceType => "aws_iam_policy";

    public IReadOnlyList<string> Attributes { get; } = ["arn", "name", "policy"];

    public MappedChange Map(ResourceChange change)
    {
        var (before, after) = PlanValues.BothSides(change, Read);
        return new IamPolicyChange(change, before, after).Identified(before is null || before.Arn.IsKnown, "the policy ARN is not in the plan");
    }

    private static IamPolicyValues? Read(PlanValue v) => v is PlanObject
        ? new IamPolicyValues(PlanValues.Str(v, "arn"), PlanValues.Str(v, "name"), PlanValues.Str(v, "policy"))
        : null;
}
