using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Model;

/// <summary>An IAM OpenID Connect provider (the federated principal of IRSA trust policies).</summary>
public sealed record OidcProvider
{
    public required string Arn { get; init; }

    /// <summary>Issuer host and path without scheme, e.g. <c>oidc.eks.us-west-2.amazonaws.com/id/EXAMPLE</c>; null when only listed.</summary>
    public string? Url { get; init; }

    public ImmutableArray<string> ClientIds { get; init; } = [];

    public ImmutableArray<string> Thumbprints { get; init; } = [];

    public required SourceRef Source { get; init; }
}
