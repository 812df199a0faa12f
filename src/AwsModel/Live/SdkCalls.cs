using Amazon.Runtime;
using Kalc.Iac.AwsModel.Live.Signed;

namespace Kalc.Iac.AwsModel.Live;

/// <summary>What the AWSSDK-backed clients (EC2, STS) share: the same endpoint, retry and timeout settings as the
/// signed client, and their exceptions turned into the same <see cref="AwsCallException"/> values.</summary>
public static class SdkCalls
{
    public static T Configure<T>(T config, AwsService service, string region, AwsEndpoints endpoints, LiveAwsOptions options)
        where T : ClientConfig
    {
        config.MaxErrorRetry = Math.Max(0, options.Retry.MaxAttempts - 1);
        config.RetryMode = RequestRetryMode.Standard;
        config.Timeout = options.CallTimeout;
        config.MaxConnectionsPerServer = Math.Max(2, options.MaxConcurrency);
        if (endpoints.IsConfigured(service))
        {
            config.ServiceURL = endpoints.Resolve(service, region).AbsoluteUri;
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(region);
        }
        return config;
    }

    /// <summary>Runs one SDK call (after the SDK's own retries) and maps its failures.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AmazonServiceException e) when (e.ErrorCode is not null || e.StatusCode != 0)
        {
            throw new AwsCallException(e.ErrorCode ?? $"Http{(int)e.StatusCode}", e.Message, (int)e.StatusCode, e);
        }
        catch (AmazonClientException e)
        {
            throw new AwsCallException("MalformedResponse", e.Message, null, e);
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException || !e.CancellationToken.IsCancellationRequested)
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
        catch (System.Xml.XmlException e)
        {
            throw new AwsCallException("MalformedResponse", e.Message, null, e);
        }
    }
}
