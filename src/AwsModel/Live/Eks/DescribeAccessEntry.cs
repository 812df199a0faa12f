using System.Text.Json.Nodes;

namespace Kalc.Iac.AwsModel.Live.Eks;

/// <summary>eks:DescribeAccessEntry, GET /clusters/{name}/access-entries/{principalArn}: the entry's type, username and
/// Kubernetes groups, which the list does not carry. https://docs.aws.amazon.com/eks/latest/APIReference/API_DescribeAccessEntry.html</summary>
public static class DescribeAccessEntry
{
    public static async Task<JsonObject> CallAsync(Signed.SignedAwsClient client, string cluster, string principalArn, CancellationToken ct)
    {
        var path = "clusters/" + EksPaths.Segment(cluster) + "/access-entries/" + EksPaths.Segment(principalArn);
        return EksJson.Parse(await client.GetAsync(path, ct).ConfigureAwait(false)).Body;
    }
}
