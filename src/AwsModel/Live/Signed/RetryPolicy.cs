using System.Collections.Frozen;

namespace Kalc.Iac.AwsModel.Live.Signed;

/// <summary>Which failures are worth another try, and how long to wait: the throttling and transient codes
/// botocore retries (botocore/data/_retry.json, copied in fixtures/aws-api/_reference) with capped
/// exponential backoff and full jitter.</summary>
public sealed record RetryPolicy
{
    private static readonly FrozenSet<string> RetryableCodes = new[]
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException", "RequestTimeout", "RequestTimeoutException",
        "InternalError", "InternalFailure", "ServiceUnavailable", "Timeout", "NetworkError",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Attempts per call, the first included.</summary>
    public int MaxAttempts { get; init; } = 5;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    public static bool IsRetryable(string code, int? httpStatus) =>
        RetryableCodes.Contains(code) || httpStatus is 429 or >= 500;

    /// <summary>Delay before attempt <paramref name="attempt"/> (1 = the first retry): uniform in [0, min(max, base*2^attempt)].</summary>
    public TimeSpan Delay(int attempt, Random random)
    {
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attempt));
        return TimeSpan.FromMilliseconds(random.NextDouble() * ceiling);
    }
}
