using System.Text.Json.Nodes;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Kalc.Iac.AwsModel.Live.Signed;

namespace Kalc.Iac.AwsModel.Live.Sts;

/// <summary>GetCallerIdentity through AWSSDK.SecurityToken.</summary>
public sealed class SdkCallerIdentityClient(IAmazonSecurityTokenService sts) : ICallerIdentityClient, IDisposable
{
    public static AmazonSecurityTokenServiceConfig Config(string region, AwsEndpoints endpoints, LiveAwsOptions options) =>
        SdkCalls.Configure(new AmazonSecurityTokenServiceConfig(), AwsService.Sts, region, endpoints, options);

    public Task<JsonObject> GetCallerIdentityAsync(CancellationToken ct) =>
        SdkCalls.RunAsync(async () =>
        {
            var r = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), ct).ConfigureAwait(false);
            return new JsonObject { ["UserId"] = r.UserId, ["Account"] = r.Account, ["Arn"] = r.Arn };
        });

    public void Dispose() => sts.Dispose();
}
