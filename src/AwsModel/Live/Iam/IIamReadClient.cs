using System.Text.Json.Nodes;

namespace Kalc.Iac.AwsModel.Live.Iam;

/// <summary>The IAM calls kalc-iac makes, as an SDK client would offer them; replies in aws-cli's JSON shape.</summary>
public interface IIamReadClient
{
    Task<AwsPage> GetAccountAuthorizationDetailsAsync(string? marker, CancellationToken ct);

    Task<AwsPage> ListOpenIDConnectProvidersAsync(CancellationToken ct);

    Task<JsonObject> GetOpenIDConnectProviderAsync(string arn, CancellationToken ct);
}
