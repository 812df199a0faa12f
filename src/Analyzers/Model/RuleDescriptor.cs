using System.Collections.Immutable;

namespace Kalc.Iac.Analyzers.Model;

/// <summary>What a rule is: its stable id (public API, never reused), title, default severity,
/// rationale, remediation, help link and the components it protects. Built through <see cref="RuleDescriptors.Create"/>.</summary>
public sealed record RuleDescriptor
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required Severity Severity { get; init; }

    public required string Rationale { get; init; }

    public required string Remediation { get; init; }

    public required string HelpLink { get; init; }

    public required ImmutableArray<string> Components { get; init; }

    /// <summary>Rule family, e.g. "node-credentials", "iam-permissions", "kubespray".</summary>
    public required string Category { get; init; }
}

public static class RuleDescriptors
{
    public const string DocsBase = "https://github.com/kalc-iac/kalc-iac/blob/main/docs/rules/";

    /// <summary>The one factory for descriptors: derives the help link from the id.</summary>
    public static RuleDescriptor Create(string id, string category, string title, Severity severity,
        string rationale, string remediation, params string[] components) => new()
        {
            Id = id,
            Category = category,
            Title = title,
            Severity = severity,
            Rationale = rationale,
            Remediation = remediation,
            HelpLink = DocsBase + id + ".md",
            Components = [.. components],
        };
}
