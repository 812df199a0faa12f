using System.Collections.Immutable;

namespace Kalc.Iac.AwsModel.Iam;

/// <summary>Principal or NotPrincipal of a resource-based (trust) policy: "*" or a map of principal
/// types (AWS, Service, Federated, CanonicalUser) to one or more values.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html</summary>
public sealed record PrincipalElement
{
    /// <summary>"Principal": "*" (or {"AWS": "*"}): everyone.</summary>
    public bool IsEveryone { get; init; }

    public bool IsNot { get; init; }

    /// <summary>Principal type ("AWS", "Service", "Federated", "CanonicalUser") to its values.</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> ByType { get; init; } =
        ImmutableDictionary<string, ImmutableArray<string>>.Empty;

    public ImmutableArray<string> Of(string type) => ByType.TryGetValue(type, out var v) ? v : [];
}
