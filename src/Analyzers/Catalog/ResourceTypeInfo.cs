using System.Collections.Immutable;

namespace Kalc.Iac.Analyzers.Catalog;

/// <summary>How the catalogue classifies one resource type (a Terraform type such as <c>aws_security_group</c> or a
/// Pulumi token such as <c>aws:ec2/securityGroup:SecurityGroup</c>).</summary>
public sealed record ResourceTypeInfo
{
    /// <summary>The type as asked for.</summary>
    public required string Type { get; init; }

    public required ResourceTypeClass Class { get; init; }

    /// <summary>Why it is in its class (for <see cref="ResourceTypeClass.CannotAffect"/>: why it cannot touch a running
    /// cluster); "not in the catalogue: ..." for an unknown type.</summary>
    public required string Reason { get; init; }

    /// <summary>Top-level attributes whose value names the thing the cluster may use (an id, ARN or name), so a verdict
    /// can decide by identity instead of by type: Terraform names for Terraform types, Pulumi (camelCase) names for
    /// Pulumi tokens. Empty when nothing ties the type to one identity.</summary>
    public ImmutableArray<string> Ties { get; init; } = [];

    /// <summary>The provider list it comes from (aws, kubernetes, helm, kubectl, pulumi-aws, pulumi-kubernetes); null
    /// when not in the catalogue.</summary>
    public string? Provider { get; init; }

    /// <summary>The row of tools/TypeCatalogue/classification.tsv that decided it; null when not in the catalogue.</summary>
    public string? Rule { get; init; }

    /// <summary>For a Pulumi AWS token: the Terraform type it is generated from, when known.</summary>
    public string? TerraformType { get; init; }

    /// <summary>False for a type the catalogue does not list (it then gets the documented default, may-affect).</summary>
    public bool InCatalogue => Provider is not null;
}
