namespace Kalc.Iac.AwsModel.Iam;

/// <summary>Who asks to assume a role: a service ("ec2.amazonaws.com"), a federated identity provider
/// (an OIDC provider ARN) or an AWS principal (a role/user ARN, with its account).</summary>
public sealed record TrustPrincipal
{
    public const string Ec2Service = "ec2.amazonaws.com";
    public const string PodIdentityService = "pods.eks.amazonaws.com";

    /// <summary>"Service", "Federated" or "AWS", as in the Principal element.</summary>
    public required string Type { get; init; }

    public required string Id { get; init; }

    public static TrustPrincipal Service(string name) => new() { Type = "Service", Id = name };

    public static TrustPrincipal Federated(string providerArn) => new() { Type = "Federated", Id = providerArn };

    public static TrustPrincipal Aws(string arn) => new() { Type = "AWS", Id = arn };

    /// <summary>The account of an AWS principal ARN (5th field), or null.</summary>
    public string? AccountId
    {
        get
        {
            var parts = Id.Split(':');
            return Type == "AWS" && parts.Length >= 6 ? parts[4] : Type == "AWS" && Id.Length == 12 && Id.All(char.IsAsciiDigit) ? Id : null;
        }
    }
}
