using System.Text.Json;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary><c>iam list-open-id-connect-providers</c> (ARNs only) and <c>iam get-open-id-connect-provider</c>
/// (Url, ClientIDList, ThumbprintList, but not the ARN: the merge joins it to a listed ARN by URL).</summary>
internal static class OidcProviderOutputsReader
{
    public static void ReadList(AwsDump dump, FragmentParts parts)
    {
        var i = 0;
        foreach (var p in dump.Items("OpenIDConnectProviderList"))
        {
            var path = $"OpenIDConnectProviderList[{i++}]";
            var arn = p.Need("Arn", path);
            var slash = arn.IndexOf(":oidc-provider/", StringComparison.Ordinal);
            parts.OidcProviders.Add(new OidcProvider
            {
                Arn = arn,
                Url = slash < 0 ? null : arn[(slash + ":oidc-provider/".Length)..],
                Source = SourceRef.Of(parts.File, path: path),
            });
        }
        parts.Loaded.Add(AwsStateKind.OidcProviders);
    }

    public static void ReadGet(AwsDump dump, FragmentParts parts)
    {
        var url = dump.Root.Need("Url", "the output");
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        parts.OidcProviderDetails.Add(new OidcProvider
        {
            Arn = "",
            Url = schemeEnd < 0 ? url : url[(schemeEnd + 3)..],
            ClientIds = dump.Root.Strings("ClientIDList"),
            Thumbprints = dump.Root.Strings("ThumbprintList"),
            Source = SourceRef.Of(parts.File),
        });
    }
}
