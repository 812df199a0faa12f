using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping.Aws;

/// <summary>aws_eks_cluster: name, arn, Kubernetes version (what replacement and version rules judge) and
/// access_config.authentication_mode (CONFIG_MAP, API_AND_CONFIG_MAP, API: which of aws-auth and access entries admit
/// principals; a block in Terraform, an object in Pulumi). An absent access_config leaves the mode as it is.
/// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_cluster#access_config</summary>
public sealed record EksClusterValues(Known<string?> Name, Known<string?> Arn, Known<string?> Version)
{
    /// <summary>access_config.authentication_mode; known null when the change does not set it.</summary>
    public Known<string?> AuthenticationMode { get; init; } = Known<string?>.Of(null);
}

public sealed record EksClusterChange(ResourceChange Change, EksClusterValues? Before, EksClusterValues? After) : MappedChange(Change);

public sealed class EksClusterMapper : IResourceMapper
{
    public string ResourceType => "aws_eks_cluster";

    public IReadOnlyList<string> Attributes { get; } = ["arn", "name", "version", "access_config"];

    public MappedChange Map(ResourceChange change)
    {
        var (before, after) = PlanValues.BothSides(change, Read);
        return new EksClusterChange(change, before, after);
    }

    private static EksClusterValues? Read(PlanValue v) => v is PlanObject
        ? new EksClusterValues(PlanValues.Str(v, "name"), PlanValues.Str(v, "arn"), PlanValues.Str(v, "version"))
        {
            AuthenticationMode = Mode(PlanValues.Block(v, "access_config")),
        }
        : null;

    private static Known<string?> Mode(PlanValue accessConfig) => accessConfig switch
    {
        PlanUnknown => Known<string?>.Unknown("access_config is known only after apply"),
        // Pulumi keeps nested names as it spells them (only top-level properties are renamed).
        PlanObject => PlanValues.Str(accessConfig, accessConfig["authentication_mode"] is PlanNull ? "authenticationMode" : "authentication_mode"),
        _ => Known<string?>.Of(null),
    };
}
