using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace Kalc.Iac.AwsModel.Live.Signed;

/// <summary>One service's HTTP client: signs every attempt with AWSSDK.Core's SigV4 handler, retries
/// throttling and transient failures with jittered backoff, and bounds each attempt by a timeout.
/// Replies come back as bytes; failures as <see cref="AwsCallException"/>.</summary>
public sealed class SignedAwsClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly AwsProtocol _protocol;
    private readonly RetryPolicy _retry;
    private readonly TimeSpan _timeout;

    public SignedAwsClient(AwsService service, AwsProtocol protocol, AWSCredentials credentials, string region, AwsEndpoints endpoints, LiveAwsOptions options)
    {
        var endpoint = endpoints.Resolve(service, region);
        Endpoint = endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
        _protocol = protocol;
        _retry = options.Retry;
        _timeout = options.CallTimeout;
        var sockets = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(2, options.MaxConcurrency),
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        var signer = new SigV4SigningHandler(credentials, RegionEndpoint.GetBySystemName(AwsEndpoints.SigningRegion(service, region)), service.SigningName, sockets);
        _http = new HttpClient(signer) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public Uri Endpoint { get; }

    /// <summary>POSTs a query-protocol form (Action, Version and parameters) and returns the reply body.</summary>
    public Task<byte[]> PostFormAsync(IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken ct) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new FormUrlEncodedContent(form),
        }, ct);

    /// <summary>GETs a REST path (relative to the endpoint) and returns the reply body.</summary>
    public Task<byte[]> GetAsync(string pathAndQuery, CancellationToken ct) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Get, new Uri(Endpoint, pathAndQuery)), ct);

    private async Task<byte[]> SendAsync(Func<HttpRequestMessage> build, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            AwsCallException failure;
            using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            attemptCts.CancelAfter(_timeout);
            try
            {
                using var request = build();
                request.Headers.Accept.ParseAdd(_protocol == AwsProtocol.RestJson ? "application/json" : "text/xml");
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, attemptCts.Token).ConfigureAwait(false);
                var body = await response.Content.ReadAsByteArrayAsync(attemptCts.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode) return body;
                var status = (int)response.StatusCode;
                var (code, message) = AwsErrorReader.Read(_protocol, status, response.Headers, body);
                failure = new AwsCallException(code, message, status);
            }
            catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
            {
                failure = new AwsCallException("Timeout", $"no reply within {_timeout.TotalSeconds:0.###} s", null, e);
            }
            catch (HttpRequestException e)
            {
                failure = new AwsCallException("NetworkError", e.Message, null, e);
            }
            if (attempt >= _retry.MaxAttempts || !RetryPolicy.IsRetryable(failure.Code, failure.HttpStatus))
                throw failure;
            await Task.Delay(_retry.Delay(attempt, Random.Shared), ct).ConfigureAwait(false);
        }
    }

    public void Dispose() => _http.Dispose();
}
