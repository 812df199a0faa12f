namespace Kalc.Iac.AwsModel.Live.AutoScaling;

/// <summary>The Auto Scaling calls kalc-iac makes, as an SDK client would offer them; replies in aws-cli's JSON shape.</summary>
public interface IAutoScalingReadClient
{
    Task<AwsPage> DescribeAutoScalingGroupsAsync(string? nextToken, CancellationToken ct);
}
