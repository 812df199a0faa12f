using System.Text.Json.Nodes;
using Kalc.Iac.AwsModel.Live.Signed;

namespace Kalc.Iac.AwsModel.Live.Eks;

/// <summary>EKS over the signed REST-JSON client (AWSSDK.EKS is not available to us).</summary>
public sealed class SignedEksClient(SignedAwsClient client) : IEksReadClient
{
    public Task<AwsPage> ListClustersAsync(string? nextToken, CancellationToken ct) => ListClusters.CallAsync(client, nextToken, ct);

    public Task<JsonObject> DescribeClusterAsync(string name, CancellationToken ct) => DescribeCluster.CallAsync(client, name, ct);

    public Task<AwsPage> ListPodIdentityAssociationsAsync(string cluster, string? nextToken, CancellationToken ct) =>
        ListPodIdentityAssociations.CallAsync(client, cluster, nextToken, ct);

    public Task<AwsPage> ListAccessEntriesAsync(string cluster, string? nextToken, CancellationToken ct) =>
        ListAccessEntries.CallAsync(client, cluster, nextToken, ct);

    public Task<JsonObject> DescribeAccessEntryAsync(string cluster, string principalArn, CancellationToken ct) =>
        DescribeAccessEntry.CallAsync(client, cluster, principalArn, ct);

    public Task<AwsPage> ListAssociatedAccessPoliciesAsync(string cluster, string principalArn, string? nextToken, CancellationToken ct) =>
        ListAssociatedAccessPolicies.CallAsync(client, cluster, principalArn, nextToken, ct);

    public Task<AwsPage> ListClusterChildrenAsync(EksChild child, string cluster, string? nextToken, CancellationToken ct) =>
        ClusterChildren.ListAsync(client, child, cluster, nextToken, ct);

    public Task<JsonObject> DescribeClusterChildAsync(EksChild child, string cluster, string name, CancellationToken ct) =>
        ClusterChildren.DescribeAsync(client, child, cluster, name, ct);

    public Task<JsonObject> DescribePodIdentityAssociationAsync(string cluster, string associationId, CancellationToken ct) =>
        DescribePodIdentityAssociation.CallAsync(client, cluster, associationId, ct);
}
