using Amazon.Runtime;
using Kalc.Iac.AwsModel.Live.Signed;

namespace Kalc.Iac.AwsModel.Live;

/// <summary>How to read an account live. Every member is optional: left null, the region, the credentials
/// and the endpoints come from the standard AWS chains (environment, profiles incl. SSO and assume-role,
/// web identity, IMDS) exactly as the AWS SDK resolves them.</summary>
public sealed record LiveAwsOptions
{
    /// <summary>--region; null: AWS_REGION / AWS_DEFAULT_REGION / the profile / IMDS.</summary>
    public string? Region { get; init; }

    /// <summary>--profile; null: AWS_PROFILE or default.</summary>
    public string? Profile { get; init; }

    /// <summary>--cluster: the EKS cluster whose pod identity associations are read. Null: every cluster
    /// that eks list-clusters returns.</summary>
    public string? ClusterName { get; init; }

    /// <summary>Explicit credentials (tests, or a caller that resolved them itself); null: the default chain.</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>Endpoint overrides; null: AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_&lt;SERVICE&gt; from the environment.</summary>
    public AwsEndpoints? EndpointOverrides { get; init; }

    /// <summary>Bound on one attempt of one call; a hanging call fails with Timeout after this (then is retried).</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public Signed.RetryPolicy Retry { get; init; } = new();

    /// <summary>Calls in flight at once across all services.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>Items requested per page (MaxResults / MaxItems / maxResults), capped at each API's maximum.</summary>
    public int PageSize { get; init; } = 1000;

    internal AwsEndpoints Endpoints => EndpointOverrides ?? AwsEndpoints.FromEnvironment(Environment.GetEnvironmentVariables());
}
