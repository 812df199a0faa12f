namespace Kalc.Iac.AwsModel.Iam;

/// <summary>A condition operator name split into its set qualifier, base operator and IfExists suffix.
/// Operators we do not evaluate (Date*, IpAddress, Binary..., misspellings) parse as
/// <see cref="BaseOperator.Unsupported"/> and make any statement using them Unknown.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html</summary>
public sealed record ConditionOperator
{
    public required string Name { get; init; }

    public required BaseOperator Base { get; init; }

    public SetQualifier Set { get; init; }

    public bool IfExists { get; init; }

    public bool IsNegated => Base is BaseOperator.StringNotEquals or BaseOperator.StringNotEqualsIgnoreCase
        or BaseOperator.StringNotLike or BaseOperator.ArnNotEquals or BaseOperator.ArnNotLike
        or BaseOperator.NumericNotEquals;

    public static ConditionOperator Parse(string name)
    {
        var rest = name;
        var set = SetQualifier.None;
        if (rest.StartsWith("ForAnyValue:", StringComparison.Ordinal))
        {
            set = SetQualifier.ForAnyValue;
            rest = rest["ForAnyValue:".Length..];
        }
        else if (rest.StartsWith("ForAllValues:", StringComparison.Ordinal))
        {
            set = SetQualifier.ForAllValues;
            rest = rest["ForAllValues:".Length..];
        }
        var ifExists = rest.EndsWith("IfExists", StringComparison.Ordinal) && rest.Length > "IfExists".Length;
        if (ifExists) rest = rest[..^"IfExists".Length];
        var op = Enum.TryParse<BaseOperator>(rest, ignoreCase: false, out var b) && b != BaseOperator.Unsupported && !rest.Any(char.IsDigit)
            ? b
            : BaseOperator.Unsupported;
        // Null takes no IfExists and no set qualifier.
        if (op == BaseOperator.Null && (ifExists || set != SetQualifier.None)) op = BaseOperator.Unsupported;
        return new ConditionOperator { Name = name, Base = op, Set = set, IfExists = ifExists };
    }
}
