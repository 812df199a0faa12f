namespace Kalc.Iac.AwsModel.Model;

/// <summary>The AWS account a state belongs to: as given (sts get-caller-identity, live reads), else as its own ARNs say.</summary>
public static class AwsAccount
{
    /// <summary>The account id, or null when nothing in the state names it (never a placeholder).</summary>
    public static string? Of(AwsState state)
    {
        if (state.AccountId is { Length: > 0 } given) return given;
        foreach (var arn in state.Roles.Select(r => r.Arn).Concat(state.InstanceProfiles.Select(p => p.Arn)).Concat(state.OidcProviders.Select(p => p.Arn)))
            if (FromArn(arn) is { } account) return account;
        return null;
    }

    /// <summary>The account field of an ARN (arn:partition:service:region:ACCOUNT:resource), when it is a 12-digit id.</summary>
    public static string? FromArn(string arn)
    {
        var parts = arn.Split(':', 6);
        return parts.Length == 6 && parts[4].Length == 12 && parts[4].All(char.IsAsciiDigit) ? parts[4] : null;
    }
}
