using System.Text.Json.Nodes;

namespace Kalc.Iac.AwsModel.Live.Eks;

/// <summary>The EKS calls kalc-iac makes, as an SDK client would offer them; replies in aws-cli's JSON shape.</summary>
public interface IEksReadClient
{
    Task<AwsPage> ListClustersAsync(string? nextToken, CancellationToken ct);

    Task<JsonObject> DescribeClusterAsync(string name, CancellationToken ct);

    Task<AwsPage> ListPodIdentityAssociationsAsync(string cluster, string? nextToken, CancellationToken ct);

    Task<JsonObject> DescribePodIdentityAssociationAsync(string cluster, string associationId, CancellationToken ct);

    Task<AwsPage> ListAccessEntriesAsync(string cluster, string? nextToken, CancellationToken ct);

    Task<JsonObject> DescribeAccessEntryAsync(string cluster, string principalArn, CancellationToken ct);

    Task<AwsPage> ListAssociatedAccessPoliciesAsync(string cluster, string principalArn, string? nextToken, CancellationToken ct);

    /// <summary>GET /clusters/{name}/node-groups, /fargate-profiles or /addons: one page of names.</summary>
    Task<AwsPage> ListClusterChildrenAsync(EksChild child, string cluster, string? nextToken, CancellationToken ct);

    /// <summary>GET /clusters/{name}/node-groups/{ng}, /fargate-profiles/{fp} or /addons/{addon}.</summary>
    Task<JsonObject> DescribeClusterChildAsync(EksChild child, string cluster, string name, CancellationToken ct);
}
