using System.Text.Json.Nodes;

namespace Kalc.Iac.AwsModel.Live.Eks;

/// <summary>eks:DescribePodIdentityAssociation, GET /clusters/{name}/pod-identity-associations/{id}: the role ARN
/// the list does not carry. https://docs.aws.amazon.com/eks/latest/APIReference/API_DescribePodIdentityAssociation.html</summary>
public static class DescribePodIdentityAssociation
{
    public static async Task<JsonObject> CallAsync(Signed.SignedAwsClient client, string cluster, string associationId, CancellationToken ct)
    {
        var path = "clusters/" + EksPaths.Segment(cluster) + "/pod-identity-associations/" + EksPaths.Segment(associationId);
        return EksJson.Parse(await client.GetAsync(path, ct).ConfigureAwait(false)).Body;
    }
}
