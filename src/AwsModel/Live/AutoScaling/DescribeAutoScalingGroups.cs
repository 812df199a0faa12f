using System.Globalization;
using Kalc.Iac.AwsModel.Live.Signed;

namespace Kalc.Iac.AwsModel.Live.AutoScaling;

/// <summary>autoscaling:DescribeAutoScalingGroups (awsQuery, 2011-01-01, NextToken paging, at most 100 a page).
/// https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DescribeAutoScalingGroups.html</summary>
public static class DescribeAutoScalingGroups
{
    public const string Action = "DescribeAutoScalingGroups";

    public const int MaxRecords = 100;

    /// <summary>From botocore autoscaling/2011-01-01: list members that may arrive empty, numeric and boolean leaves.</summary>
    public static readonly QueryShape Shape = new()
    {
        Lists = QueryShape.Set(
            "AutoScalingGroups", "Instances", "AvailabilityZones", "LoadBalancerNames", "TargetGroupARNs",
            "SuspendedProcesses", "EnabledMetrics", "Tags", "TerminationPolicies", "Overrides",
            "TrafficSources", "AvailabilityZoneDistribution"),
        Numbers = QueryShape.Set(
            "MinSize", "MaxSize", "DesiredCapacity", "DefaultCooldown", "HealthCheckGracePeriod", "WarmPoolSize",
            "DefaultInstanceWarmup", "MaxInstanceLifetime", "OnDemandBaseCapacity",
            "OnDemandPercentageAboveBaseCapacity", "SpotInstancePools", "PredictedCapacity"),
        Booleans = QueryShape.Set("NewInstancesProtectedFromScaleIn", "ProtectedFromScaleIn", "PropagateAtLaunch", "CapacityRebalance"),
        Paging = QueryShape.Set("NextToken"),
    };

    public static async Task<AwsPage> CallAsync(SignedAwsClient client, string? nextToken, int pageSize, CancellationToken ct)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("Action", Action),
            new("Version", "2011-01-01"),
            new("MaxRecords", Math.Clamp(pageSize, 1, MaxRecords).ToString(CultureInfo.InvariantCulture)),
        };
        if (nextToken is not null) form.Add(new("NextToken", nextToken));
        var xml = await client.PostFormAsync(form, ct).ConfigureAwait(false);
        var (body, next) = QueryXmlToJson.Convert(xml, Action, Shape);
        return new AwsPage(body, next);
    }
}
