using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping.Aws;

/// <summary>aws_iam_openid_connect_provider: arn, url, client_id_list.
/// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_openid_connect_provider</summary>
public sealed record OidcProviderValues(Known<string?> Arn, Known<string?> Url, Known<IReadOnlyList<string>> ClientIds);

public sealed record OidcProviderChange(ResourceChange Change, OidcProviderValues? Before, OidcProviderValues? After) : MappedChange(Change);

public sealed class OidcProviderMapper : IResourceMapper
{
    public string ResourceType => "aws_iam_openid_connect_provider";

    public IReadOnlyList<string> Attributes { get; } = ["arn", "client_id_list", "url"];

    public MappedChange Map(ResourceChange change)
    {
        var (before, after) = PlanValues.BothSides(change, Read);
        return new OidcProviderChange(change, before, after);
    }

    private static OidcProviderValues? Read(PlanValue v) => v is PlanObject
        ? new OidcProviderValues(PlanValues.Str(v, "arn"), PlanValues.Str(v, "url"), PlanValues.Strings(v, "client_id_list"))
        : null;
}
