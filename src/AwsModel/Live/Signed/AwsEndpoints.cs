using System.Collections;
using System.Collections.Immutable;

namespace Kalc.Iac.AwsModel.Live.Signed;

/// <summary>Where each service is called, following the SDKs' rules for configured endpoints
/// (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html): <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>
/// wins over <c>AWS_ENDPOINT_URL</c>, both are off under <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c>,
/// else the public regional endpoint.</summary>
public sealed record AwsEndpoints
{
    /// <summary>Overrides by <see cref="AwsService.EnvName"/>.</summary>
    public ImmutableDictionary<string, Uri> PerService { get; init; } = ImmutableDictionary<string, Uri>.Empty;

    public Uri? Global { get; init; }

    public static readonly AwsEndpoints Default = new();

    /// <summary>Reads the endpoint variables from an environment (pass <see cref="Environment.GetEnvironmentVariables()"/>).</summary>
    public static AwsEndpoints FromEnvironment(IDictionary environment)
    {
        string? Get(string name) => environment[name] as string is { Length: > 0 } v ? v : null;
        if (string.Equals(Get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase))
            return Default;
        var per = ImmutableDictionary.CreateBuilder<string, Uri>(StringComparer.Ordinal);
        foreach (var service in new[] { AwsService.Ec2, AwsService.Iam, AwsService.Eks, AwsService.AutoScaling, AwsService.Sts })
        {
            if (Get("AWS_ENDPOINT_URL_" + service.EnvName) is { } url)
                per[service.EnvName] = new Uri(url, UriKind.Absolute);
        }
        return new AwsEndpoints
        {
            PerService = per.ToImmutable(),
            Global = Get("AWS_ENDPOINT_URL") is { } global ? new Uri(global, UriKind.Absolute) : null,
        };
    }

    public bool IsConfigured(AwsService service) => PerService.ContainsKey(service.EnvName) || Global is not null;

    public Uri Resolve(AwsService service, string region)
    {
        if (PerService.TryGetValue(service.EnvName, out var own)) return own;
        if (Global is not null) return Global;
        var suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        if (service.Global)
            return new Uri(region.StartsWith("cn-", StringComparison.Ordinal) ? $"https://iam.cn-north-1.{suffix}/" : $"https://iam.{suffix}/");
        return new Uri($"https://{service.EndpointPrefix}.{region}.{suffix}/");
    }

    /// <summary>The region a request to <paramref name="service"/> is signed for.</summary>
    public static string SigningRegion(AwsService service, string region)
    {
        if (!service.Global) return region;
        if (region.StartsWith("cn-", StringComparison.Ordinal)) return "cn-north-1";
        return region.StartsWith("us-gov-", StringComparison.Ordinal) ? "us-gov-west-1" : "us-east-1";
    }
}
