using Kalc.Iac.AwsModel.Live.Signed;

namespace Kalc.Iac.AwsModel.Live.Iam;

/// <summary>iam:ListOpenIDConnectProviders (not paged). https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListOpenIDConnectProviders.html</summary>
public static class ListOpenIDConnectProviders
{
    public const string Action = "ListOpenIDConnectProviders";

    public static async Task<AwsPage> CallAsync(SignedAwsClient client, CancellationToken ct)
    {
        var xml = await client.PostFormAsync([new("Action", Action), new("Version", IamShape.Version)], ct).ConfigureAwait(false);
        var (body, _) = QueryXmlToJson.Convert(xml, Action, IamShape.Shape);
        return new AwsPage(body, null);
    }
}
