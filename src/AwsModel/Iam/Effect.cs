namespace Kalc.Iac.AwsModel.Iam;

/// <summary>A statement's <c>Effect</c>: exactly "Allow" or "Deny".</summary>
public enum Effect
{
    Allow,
    Deny,
}
