using System.Collections.Immutable;

namespace Kalc.Iac.AwsModel.Iam;

/// <summary>One (operator, key, values) triple of a Condition block. Values of one key are ORed; clauses
/// are ANDed. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html</summary>
public sealed record ConditionClause
{
    public required ConditionOperator Operator { get; init; }

    public required string Key { get; init; }

    public required ImmutableArray<PolicyValue> Values { get; init; }

    public override string ToString() => $"{Operator.Name} {{{Key}: [{string.Join(", ", Values.Select(v => v.Text))}]}}";
}
