namespace Kalc.Iac.AwsModel.Live.Eks;

/// <summary>eks:ListAssociatedAccessPolicies, GET /clusters/{name}/access-entries/{principalArn}/access-policies: the access
/// policies (AmazonEKSClusterAdminPolicy, ...) associated with one entry, with their scope.
/// https://docs.aws.amazon.com/eks/latest/APIReference/API_ListAssociatedAccessPolicies.html</summary>
public static class ListAssociatedAccessPolicies
{
    public static async Task<AwsPage> CallAsync(Signed.SignedAwsClient client, string cluster, string principalArn, string? nextToken, CancellationToken ct)
    {
        var path = "clusters/" + EksPaths.Segment(cluster) + "/access-entries/" + EksPaths.Segment(principalArn) + "/access-policies?maxResults=100" + EksPaths.Token(nextToken);
        var (body, next) = EksJson.Parse(await client.GetAsync(path, ct).ConfigureAwait(false));
        return new AwsPage(body, next);
    }
}
