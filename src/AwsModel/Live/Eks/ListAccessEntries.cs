namespace Kalc.Iac.AwsModel.Live.Eks;

/// <summary>eks:ListAccessEntries, GET /clusters/{name}/access-entries: one page of principal ARNs.
/// https://docs.aws.amazon.com/eks/latest/APIReference/API_ListAccessEntries.html</summary>
public static class ListAccessEntries
{
    public static async Task<AwsPage> CallAsync(Signed.SignedAwsClient client, string cluster, string? nextToken, CancellationToken ct)
    {
        var path = "clusters/" + EksPaths.Segment(cluster) + "/access-entries?maxResults=100" + EksPaths.Token(nextToken);
        var (body, next) = EksJson.Parse(await client.GetAsync(path, ct).ConfigureAwait(false));
        return new AwsPage(body, next);
    }
}
