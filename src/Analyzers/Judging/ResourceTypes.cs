namespace Kalc.Iac.Analyzers.Judging;

/// <summary>The resource type classes the analysis uses by default.</summary>
public static class ResourceTypes
{
    public static ResourceTypeClasses Default { get; } = new(_ => null);
}
