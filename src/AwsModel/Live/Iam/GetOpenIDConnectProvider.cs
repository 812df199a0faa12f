using System.Text.Json.Nodes;
using Kalc.Iac.AwsModel.Live.Signed;

namespace Kalc.Iac.AwsModel.Live.Iam;

/// <summary>iam:GetOpenIDConnectProvider. https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetOpenIDConnectProvider.html</summary>
public static class GetOpenIDConnectProvider
{
    public const string Action = "GetOpenIDConnectProvider";

    public static async Task<JsonObject> CallAsync(SignedAwsClient client, string arn, CancellationToken ct)
    {
        var xml = await client.PostFormAsync(
            [new("Action", Action), new("Version", IamShape.Version), new("OpenIDConnectProviderArn", arn)], ct).ConfigureAwait(false);
        return QueryXmlToJson.Convert(xml, Action, IamShape.Shape).Body;
    }
}
