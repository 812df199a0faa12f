using System.Text.Json.Nodes;

namespace Kalc.Iac.AwsModel.Live.Sts;

/// <summary>sts:GetCallerIdentity, to name the account in the report; reply in aws-cli's shape (UserId, Account, Arn).</summary>
public interface ICallerIdentityClient
{
    Task<JsonObject> GetCallerIdentityAsync(CancellationToken ct);
}
