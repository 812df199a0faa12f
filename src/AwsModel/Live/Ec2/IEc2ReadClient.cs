namespace Kalc.Iac.AwsModel.Live.Ec2;

/// <summary>The EC2 describe calls kalc-iac makes, one page at a time; replies in aws-cli's JSON shape.</summary>
public interface IEc2ReadClient
{
    Task<AwsPage> DescribeInstancesAsync(string? nextToken, CancellationToken ct);

    Task<AwsPage> DescribeSubnetsAsync(string? nextToken, CancellationToken ct);

    Task<AwsPage> DescribeSecurityGroupsAsync(string? nextToken, CancellationToken ct);

    Task<AwsPage> DescribeVpcsAsync(string? nextToken, CancellationToken ct);

    /// <summary>The $Latest and $Default version of every launch template.</summary>
    Task<AwsPage> DescribeLaunchTemplateVersionsAsync(string? nextToken, CancellationToken ct);

    Task<AwsPage> DescribeRouteTablesAsync(string? nextToken, CancellationToken ct);

    /// <summary>Every ENI: the nodes', pods' branch ENIs (security groups for pods), the EKS control plane's.</summary>
    Task<AwsPage> DescribeNetworkInterfacesAsync(string? nextToken, CancellationToken ct);

    /// <summary>Every security group rule, one peer each, with its rule id (sgr-...).</summary>
    Task<AwsPage> DescribeSecurityGroupRulesAsync(string? nextToken, CancellationToken ct);
}
