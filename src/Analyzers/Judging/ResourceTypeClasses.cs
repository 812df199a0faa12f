using System.Collections.Immutable;

namespace Kalc.Iac.Analyzers.Judging;

/// <summary>What the verdict needs to know of a resource type that it cannot tie to an identity: whether it lives in the
/// cluster, cannot affect a cluster, or may; and which of its attributes tie it to another object it changes.</summary>
public sealed class ResourceTypeClasses
{
    private readonly Func<string, TypeFacts?> lookup;

    public ResourceTypeClasses(Func<string, TypeFacts?> lookup) => this.lookup = lookup;

    /// <summary>The class of <paramref name="type"/>: from the catalogue when it knows the type; otherwise a type of the
    /// kubernetes, kubectl or helm providers is in the cluster, and anything else may affect it.</summary>
    public TypeFacts Classify(string type)
    {
        if (lookup(type) is { } known) return known;
        // Pulumi's own bookkeeping: the stack resource and provider configurations are no cloud objects (a provider change
        // that replaces resources shows as those resources' own steps).
        if (type.StartsWith("pulumi:", StringComparison.Ordinal))
            return new(TypeClass.CannotAffect, "a Pulumi stack or provider resource: no object in the cloud or the cluster", []);
        if (IsInCluster(type)) return new(TypeClass.InCluster, "changed through the Kubernetes API", []);
        return new(TypeClass.MayAffect, "not in the type catalogue", IdentityTokens.DefaultTieAttributes);
    }

    /// <summary>Types of the providers that change the cluster itself (kubernetes, kubectl, helm), and Pulumi's Kubernetes types.</summary>
    public static bool IsInCluster(string type) =>
        type.StartsWith("kubernetes_", StringComparison.Ordinal) || type.StartsWith("kubectl_", StringComparison.Ordinal) ||
        type.StartsWith("helm_", StringComparison.Ordinal) || type.StartsWith("kubernetes:", StringComparison.Ordinal);
}

public enum TypeClass
{
    /// <summary>An object in the cluster itself: any change touches the cluster.</summary>
    InCluster,

    /// <summary>Can change what a cluster uses; decided by the identities it names.</summary>
    MayAffect,

    /// <summary>Cannot change anything a running cluster uses.</summary>
    CannotAffect,
}

public sealed record TypeFacts(TypeClass Class, string Reason, IReadOnlyList<string> TieAttributes);
