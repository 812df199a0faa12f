namespace Kalc.Iac.AwsModel.Iam;

/// <summary>An IRSA token exchange: a pod's projected service-account token from the cluster's OIDC
/// issuer, presented to sts:AssumeRoleWithWebIdentity. The token's <c>sub</c> is
/// <c>system:serviceaccount:NAMESPACE:NAME</c>; its <c>aud</c> is normally "sts.amazonaws.com".
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif</summary>
public sealed record WebIdentityRequest
{
    public const string DefaultAudience = "sts.amazonaws.com";

    /// <summary>arn:aws:iam::ACCOUNT:oidc-provider/ISSUER-HOST-AND-PATH</summary>
    public required string ProviderArn { get; init; }

    public required string Namespace { get; init; }

    public required string ServiceAccount { get; init; }

    public string Audience { get; init; } = DefaultAudience;

    /// <summary>The issuer as IAM names it in condition keys: the provider URL without "https://".</summary>
    public string Issuer
    {
        get
        {
            var i = ProviderArn.IndexOf(":oidc-provider/", StringComparison.Ordinal);
            return i < 0 ? ProviderArn : ProviderArn[(i + ":oidc-provider/".Length)..];
        }
    }

    public string Subject => $"system:serviceaccount:{Namespace}:{ServiceAccount}";
}
