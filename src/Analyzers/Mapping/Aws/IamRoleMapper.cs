using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping.Aws;

/// <summary>aws_iam_role: name, arn, assume_role_policy (JSON text), permissions_boundary, and the
/// exclusive inline_policy blocks / managed_policy_arns when the configuration sets them.
/// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_role</summary>
public sealed record IamRoleValues(
    Known<string?> Name,
    Known<string?> Arn,
    Known<string?> AssumeRolePolicy,
    Known<string?> PermissionsBoundary,
    Known<IReadOnlyList<string>> ManagedPolicyArns,
    Known<IReadOnlyList<(string Name, string? Policy)>> InlinePolicies);

public sealed record IamRoleChange(ResourceChange Change, IamRoleValues? Before, IamRoleValues? After) : MappedChange(Change);

public sealed class IamRoleMapper : IResourceMapper
{
    public string ResourceType => "aws_iam_role";

    public IReadOnlyList<string> Attributes { get; } = ["arn", "assume_role_policy", "inline_policy", "managed_policy_arns", "name", "permissions_boundary", "policy"];

    public MappedChange Map(ResourceChange change)
    {
        var (before, after) = PlanValues.BothSides(change, Read);
        var identity = before ?? after;
        return new IamRoleChange(change, before, after).Identified(identity is not null && (identity.Name.IsKnown || identity.Arn.IsKnown), "the role's name and ARN are not in the plan");
    }

    private static IamRoleValues? Read(PlanValue v) => v is PlanObject
        ? new IamRoleValues(
            PlanValues.Str(v, "name"),
            PlanValues.Str(v, "arn"),
            PlanValues.Str(v, "assume_role_policy"),
            PlanValues.Str(v, "permissions_boundary"),
            PlanValues.Strings(v, "managed_policy_arns"),
            InlinePolicies(v))
        : null;

    private static readonly Known<IReadOnlyList<(string Name, string? Policy)>> NoInlinePolicies = Known<IReadOnlyList<(string, string?)>>.Of([]);

    private static Known<IReadOnlyList<(string Name, string? Policy)>> InlinePolicies(PlanValue v)
    {
        var blocks = v["inline_policy"];
        if (blocks.IsUnknown) return Known<IReadOnlyList<(string, string?)>>.Unknown("inline_policy is known only after apply");
        var list = blocks.ListItems;
        if (list.IsEmpty) return NoInlinePolicies;
        var result = new List<(string, string?)>(list.Length);
        foreach (var block in list)
        {
            var name = block["name"].AsString();
            if (string.IsNullOrEmpty(name)) continue; // the provider's empty placeholder block
            result.Add((name, block["policy"].AsString()));
        }
        return Known<IReadOnlyList<(string, string?)>>.Of(result);
    }
}
