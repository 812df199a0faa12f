using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping.Aws;

/// <summary>aws_iam_role_policy (an inline policy): role (NAME), name, policy (JSON text).
/// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_role_policy</summary>
public sealed record RolePolicyValues(Known<string?> Role, Known<string?> Name, Known<string?> Policy);

public sealed record RolePolicyChange(ResourceChange Change, RolePolicyValues? Before, RolePolicyValues? After) : MappedChange(Change);

public sealed class RolePolicyMapper : IResourceMapper
{
    public string ResourceType => "aws_iam_role_policy";

    public IReadOnlyList<string> Attributes { get; } = ["name", "policy", "role"];

    public MappedChange Map(ResourceChange change)
    {
        var (before, after) = PlanValues.BothSides(change, Read);
        var identity = before ?? after;
        return new RolePolicyChange(change, before, after).Identified(identity is not null && identity.Role.IsKnown, "the role is known only after apply");
    }

    private static RolePolicyValues? Read(PlanValue v) => v is PlanObject
        ? new RolePolicyValues(PlanValues.Str(v, "role"), PlanValues.Str(v, "name"), PlanValues.Str(v, "policy"))
        : null;
}
