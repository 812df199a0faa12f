namespace Kalc.Iac.AwsModel.Iam;

/// <summary>The outcome of an authorisation question.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_AccessPolicyLanguage_Interplay.html</summary>
public enum Decision
{
    /// <summary>Some statement allows it, every required policy set allows it, nothing denies it.</summary>
    Allow,

    /// <summary>A Deny statement applies.</summary>
    ExplicitDeny,

    /// <summary>Nothing allows it (in the identity policies, the boundary or a guardrail).</summary>
    ImplicitDeny,

    /// <summary>The answer depends on something the request does not settle (a condition key, an
    /// unsupported operator, a policy document we do not have). Never to be read as allowed.</summary>
    Unknown,
}
