namespace Kalc.Iac.AwsModel.Live.Eks;

/// <summary>eks:ListPodIdentityAssociations, GET /clusters/{name}/pod-identity-associations.
/// https://docs.aws.amazon.com/eks/latest/APIReference/API_ListPodIdentityAssociations.html</summary>
public static class ListPodIdentityAssociations
{
    public static async Task<AwsPage> CallAsync(Signed.SignedAwsClient client, string cluster, string? nextToken, CancellationToken ct)
    {
        var path = "clusters/" + EksPaths.Segment(cluster) + "/pod-identity-associations?maxResults=100" + EksPaths.Token(nextToken);
        var (body, next) = EksJson.Parse(await client.GetAsync(path, ct).ConfigureAwait(false));
        return new AwsPage(body, next);
    }
}
