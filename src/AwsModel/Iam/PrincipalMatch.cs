namespace Kalc.Iac.AwsModel.Iam;

/// <summary>Whether a statement's Principal/NotPrincipal names the caller.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html</summary>
public static class PrincipalMatch
{
    /// <summary>Unknown when the statement has no Principal element (AWS rejects such trust policies).</summary>
    public static Tri Names(PrincipalElement? element, TrustPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (element is null) return Tri.Unknown;
        var named = element.IsEveryone || Lists(element, principal);
        return TriLogic.Of(named != element.IsNot);
    }

    private static bool Lists(PrincipalElement element, TrustPrincipal principal)
    {
        foreach (var value in element.Of(principal.Type))
        {
            switch (principal.Type)
            {
                case "Service" when string.Equals(value, principal.Id, StringComparison.OrdinalIgnoreCase):
                case "Federated" when string.Equals(value, principal.Id, StringComparison.Ordinal):
                    return true;
                case "AWS":
                    if (value == "*" || string.Equals(value, principal.Id, StringComparison.Ordinal)) return true;
                    // An account id or its root ARN names every principal of that account.
                    var account = principal.AccountId;
                    if (account is not null && (value == account || value == $"arn:aws:iam::{account}:root")) return true;
                    break;
            }
        }
        return false;
    }
}
