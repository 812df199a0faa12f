using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Kalc.Iac.AwsModel.Live.Signed;

namespace Kalc.Iac.AwsModel.Live.Sts;

/// <summary>GetCallerIdentity through AWSSDK.SecurityToken.</summary>
public sealed class SdkCallerIdentityClient(IAmazonSecurityTokenService sts) : ICallerIdentityClient, IDisposable
{
    public static AmazonSecurityTokenServiceConfig Config(string region, AwsEndpoints endpoints, LiveAwsOptions options)
    {
        var config = new AmazonSecurityTokenServiceConfig
        {
            MaxErrorRetry = Math.Max(0, options.Retry.MaxAttempts - 1),
            RetryMode = RequestRetryMode.Standard,
            Timeout = options.CallTimeout,
        };
        if (endpoints.IsConfigured(AwsService.Sts))
        {
            config.ServiceURL = endpoints.Resolve(AwsService.Sts, region).AbsoluteUri;
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(region);
        }
        return config;
    }

    public async Task<JsonObject> GetCallerIdentityAsync(CancellationToken ct)
    {
        try
        {
            var r = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), ct).ConfigureAwait(false);
            return new JsonObject { ["UserId"] = r.UserId, ["Account"] = r.Account, ["Arn"] = r.Arn };
        }
        catch (AmazonServiceException e)
        {
            throw new AwsCallException(e.ErrorCode ?? $"Http{(int)e.StatusCode}", e.Message, (int)e.StatusCode, e);
        }
        catch (AmazonClientException e)
        {
            throw new AwsCallException("MalformedResponse", e.Message, null, e);
        }
        catch (TaskCanceledException e) when (!e.CancellationToken.IsCancellationRequested)
        {
            throw new AwsCallException("Timeout", "no reply within the call timeout", null, e);
        }
        catch (TimeoutException e)
        {
            // the SDK's own per-request timeout (ClientConfig.Timeout)
            throw new AwsCallException("Timeout", "no reply within the call timeout", null, e);
        }
        catch (HttpRequestException e)
        {
            throw new AwsCallException("NetworkError", e.Message, null, e);
        }
    }

    public void Dispose() => sts.Dispose();
}
