using System.Text.Json.Nodes;
using Kalc.Iac.AwsModel.Live.Signed;

namespace Kalc.Iac.AwsModel.Live.Iam;

/// <summary>IAM over the signed query client (AWSSDK.IdentityManagement is not available to us).</summary>
public sealed class SignedIamClient(SignedAwsClient client, int pageSize) : IIamReadClient
{
    public Task<AwsPage> GetAccountAuthorizationDetailsAsync(string? marker, CancellationToken ct) =>
        GetAccountAuthorizationDetails.CallAsync(client, marker, pageSize, ct);

    public Task<AwsPage> ListOpenIDConnectProvidersAsync(CancellationToken ct) =>
        ListOpenIDConnectProviders.CallAsync(client, ct);

    public Task<JsonObject> GetOpenIDConnectProviderAsync(string arn, CancellationToken ct) =>
        GetOpenIDConnectProvider.CallAsync(client, arn, ct);
}
