using Kalc.Iac.AwsModel.Live.Signed;

namespace Kalc.Iac.AwsModel.Live.Iam;

/// <summary>iam:GetAccountAuthorizationDetails for roles and managed policies (users and groups are not
/// needed). https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html</summary>
public static class GetAccountAuthorizationDetails
{
    public const string Action = "GetAccountAuthorizationDetails";

    /// <summary>The API's maximum page size.</summary>
    public const int MaxItems = 1000;

    public static async Task<AwsPage> CallAsync(SignedAwsClient client, string? marker, int pageSize, CancellationToken ct)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("Action", Action),
            new("Version", IamShape.Version),
            new("Filter.member.1", "Role"),
            new("Filter.member.2", "LocalManagedPolicy"),
            new("Filter.member.3", "AWSManagedPolicy"),
            new("MaxItems", Math.Clamp(pageSize, 1, MaxItems).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (marker is not null) form.Add(new("Marker", marker));
        var xml = await client.PostFormAsync(form, ct).ConfigureAwait(false);
        var (body, next) = QueryXmlToJson.Convert(xml, Action, IamShape.Shape);
        return new AwsPage(body, next);
    }
}
