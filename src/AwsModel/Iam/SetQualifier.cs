namespace Kalc.Iac.AwsModel.Iam;

/// <summary>ForAnyValue / ForAllValues for multivalued keys.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html</summary>
public enum SetQualifier
{
    None,
    ForAnyValue,
    ForAllValues,
}
