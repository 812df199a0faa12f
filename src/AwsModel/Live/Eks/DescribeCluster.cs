using System.Text.Json.Nodes;

namespace Kalc.Iac.AwsModel.Live.Eks;

/// <summary>eks:DescribeCluster, GET /clusters/{name}. https://docs.aws.amazon.com/eks/latest/APIReference/API_DescribeCluster.html</summary>
public static class DescribeCluster
{
    public static async Task<JsonObject> CallAsync(Signed.SignedAwsClient client, string name, CancellationToken ct)
    {
        var reply = await client.GetAsync("clusters/" + EksPaths.Segment(name), ct).ConfigureAwait(false);
        return EksJson.Parse(reply).Body;
    }
}
