using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using Kalc.Iac.AwsModel.Live.Signed;

namespace Kalc.Iac.AwsModel.Live.Ec2;

/// <summary>EC2 through AWSSDK.EC2 (its signing, retry and XML parsing), each page written in aws-cli's shape.</summary>
public sealed class SdkEc2Client(IAmazonEC2 ec2, int pageSize) : IEc2ReadClient, IDisposable
{
    private readonly SdkModelJson _json = new();

    public static AmazonEC2Config Config(string region, AwsEndpoints endpoints, LiveAwsOptions options) =>
        SdkCalls.Configure(new AmazonEC2Config(), AwsService.Ec2, region, endpoints, options);

    public Task<AwsPage> DescribeInstancesAsync(string? nextToken, CancellationToken ct) =>
        Call(async () =>
        {
            var r = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = Math.Clamp(pageSize, 5, 1000), NextToken = nextToken }, ct).ConfigureAwait(false);
            return Page("Reservations", r.Reservations, r.NextToken);
        });

    public Task<AwsPage> DescribeSubnetsAsync(string? nextToken, CancellationToken ct) =>
        Call(async () =>
        {
            var r = await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { MaxResults = Math.Clamp(pageSize, 5, 1000), NextToken = nextToken }, ct).ConfigureAwait(false);
            return Page("Subnets", r.Subnets, r.NextToken);
        });

    public Task<AwsPage> DescribeSecurityGroupsAsync(string? nextToken, CancellationToken ct) =>
        Call(async () =>
        {
            var r = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { MaxResults = Math.Clamp(pageSize, 5, 1000), NextToken = nextToken }, ct).ConfigureAwait(false);
            return Page("SecurityGroups", r.SecurityGroups, r.NextToken);
        });

    public Task<AwsPage> DescribeVpcsAsync(string? nextToken, CancellationToken ct) =>
        Call(async () =>
        {
            var r = await ec2.DescribeVpcsAsync(new DescribeVpcsRequest { MaxResults = Math.Clamp(pageSize, 5, 1000), NextToken = nextToken }, ct).ConfigureAwait(false);
            return Page("Vpcs", r.Vpcs, r.NextToken);
        });

    public Task<AwsPage> DescribeLaunchTemplateVersionsAsync(string? nextToken, CancellationToken ct) =>
        Call(async () =>
        {
            var request = new DescribeLaunchTemplateVersionsRequest { Versions = ["$Latest", "$Default"], MaxResults = Math.Clamp(pageSize, 1, 200), NextToken = nextToken };
            var r = await ec2.DescribeLaunchTemplateVersionsAsync(request, ct).ConfigureAwait(false);
            return Page("LaunchTemplateVersions", r.LaunchTemplateVersions, r.NextToken);
        });

    public Task<AwsPage> DescribeRouteTablesAsync(string? nextToken, CancellationToken ct) =>
        Call(async () =>
        {
            var r = await ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { MaxResults = Math.Clamp(pageSize, 5, 100), NextToken = nextToken }, ct).ConfigureAwait(false);
            return Page("RouteTables", r.RouteTables, r.NextToken);
        });

    public Task<AwsPage> DescribeNetworkInterfacesAsync(string? nextToken, CancellationToken ct) =>
        Call(async () =>
        {
            var r = await ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { MaxResults = Math.Clamp(pageSize, 5, 1000), NextToken = nextToken }, ct).ConfigureAwait(false);
            return Page("NetworkInterfaces", r.NetworkInterfaces, r.NextToken);
        });

    public Task<AwsPage> DescribeSecurityGroupRulesAsync(string? nextToken, CancellationToken ct) =>
        Call(async () =>
        {
            var r = await ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest { MaxResults = Math.Clamp(pageSize, 5, 1000), NextToken = nextToken }, ct).ConfigureAwait(false);
            return Page("SecurityGroupRules", r.SecurityGroupRules, r.NextToken);
        });

    private AwsPage Page<T>(string key, List<T>? items, string? nextToken) =>
        new(new JsonObject { [key] = _json.Write(items ?? []) }, string.IsNullOrEmpty(nextToken) ? null : nextToken);

    private static Task<AwsPage> Call(Func<Task<AwsPage>> call) => SdkCalls.RunAsync(call);

    public void Dispose() => ec2.Dispose();
}
