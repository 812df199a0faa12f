using Kalc.Iac.AwsModel.Live.Signed;

namespace Kalc.Iac.AwsModel.Live.AutoScaling;

/// <summary>Auto Scaling over the signed query client (AWSSDK.AutoScaling is not available to us).</summary>
public sealed class SignedAutoScalingClient(SignedAwsClient client, int pageSize) : IAutoScalingReadClient
{
    public Task<AwsPage> DescribeAutoScalingGroupsAsync(string? nextToken, CancellationToken ct) =>
        DescribeAutoScalingGroups.CallAsync(client, nextToken, pageSize, ct);
}
