using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.KubeModel.Model;

/// <summary>A karpenter EC2NodeClass (karpenter.k8s.aws/v1 or v1beta1): the IAM identity, subnets, security groups and AMIs
/// of the instances karpenter launches. https://karpenter.sh/docs/concepts/nodeclasses/</summary>
public sealed record KarpenterNodeClass
{
    public required string Name { get; init; }

    public required string ApiVersion { get; init; }

    /// <summary>spec.role: the IAM role karpenter makes an instance profile for.</summary>
    public string? Role { get; init; }

    /// <summary>spec.instanceProfile: an existing instance profile (exclusive with role).</summary>
    public string? InstanceProfile { get; init; }

    public ImmutableArray<SelectorTerm> SubnetSelectorTerms { get; init; } = [];

    public ImmutableArray<SelectorTerm> SecurityGroupSelectorTerms { get; init; } = [];

    public ImmutableArray<SelectorTerm> AmiSelectorTerms { get; init; } = [];

    public string? AmiFamily { get; init; }

    /// <summary>status.subnets[].id: the subnets the selector terms resolved to when the dump was taken.</summary>
    public ImmutableArray<string> ResolvedSubnetIds { get; init; } = [];

    public ImmutableArray<string> ResolvedSecurityGroupIds { get; init; } = [];

    /// <summary>status.instanceProfile: the profile karpenter made for <see cref="Role"/>.</summary>
    public string? ResolvedInstanceProfile { get; init; }

    public required SourceRef Source { get; init; }
}

/// <summary>One selector term: every given field must match (tags, id, name, alias, owner); terms are ORed.
/// A tag value of "*" matches any value.</summary>
public sealed record SelectorTerm
{
    public ImmutableDictionary<string, string> Tags { get; init; } = ImmutableDictionary<string, string>.Empty;

    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Alias { get; init; }

    public string? Owner { get; init; }

    /// <summary>True when this term selects an object with these id, name and tags.</summary>
    public bool Selects(string id, string? name, IReadOnlyDictionary<string, string> tags)
    {
        if (Id is not null && Id != id) return false;
        if (Name is not null && Name != name) return false;
        foreach (var (k, v) in Tags)
            if (!tags.TryGetValue(k, out var actual) || (v != "*" && v != actual)) return false;
        return Id is not null || Name is not null || Tags.Count > 0;
    }

    public override string ToString()
    {
        var parts = new List<string>();
        if (Id is not null) parts.Add($"id={Id}");
        if (Name is not null) parts.Add($"name={Name}");
        if (Alias is not null) parts.Add($"alias={Alias}");
        parts.AddRange(Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"tags.{t.Key}={t.Value}"));
        return "{" + string.Join(", ", parts) + "}";
    }
}
