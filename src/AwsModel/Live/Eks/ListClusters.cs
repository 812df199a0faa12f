namespace Kalc.Iac.AwsModel.Live.Eks;

/// <summary>eks:ListClusters, GET /clusters. https://docs.aws.amazon.com/eks/latest/APIReference/API_ListClusters.html</summary>
public static class ListClusters
{
    public static async Task<AwsPage> CallAsync(Signed.SignedAwsClient client, string? nextToken, CancellationToken ct)
    {
        var reply = await client.GetAsync("clusters?maxResults=100" + EksPaths.Token(nextToken), ct).ConfigureAwait(false);
        var (body, next) = EksJson.Parse(reply);
        return new AwsPage(body, next);
    }
}
