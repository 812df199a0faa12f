using System.Collections.Immutable;

namespace Kalc.Iac.Analyzers.Model;

/// <summary>What a rule is: its stable id (public API, never reused), title, default severity, rationale, remediation,
/// help link, the components it protects, the changes it judges and the state it reads. Built through
/// <see cref="RuleDescriptors.Create"/>.</summary>
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

    /// <summary>The resource types whose changes this rule models (<see cref="RuleDescriptors.KubesprayRun"/> for a kubespray
    /// run). A change to something the cluster uses counts as analysed only when some rule judges its type.</summary>
    public ImmutableArray<string> Judges { get; init; } = [];

    /// <summary>Every kind of state the rule reads. When the rule has a change to judge and one is missing, the verdict is
    /// <c>incomplete</c>, naming the command that gives it.</summary>
    public ImmutableArray<StateNeed> Reads { get; init; } = [];

    /// <summary>State the rule reads only in some cases (e.g. VPCs when the cluster runs on AWS): the rule says itself, through
    /// <c>IRequiresState</c>, when it needed one and did not get it.</summary>
    public ImmutableArray<StateNeed> ReadsWhenRelevant { get; init; } = [];
}

public static class RuleDescriptors
{
    public const string DocsBase = "https://github.com/kalc-iac/kalc-iac/blob/main/docs/rules/";

    /// <summary>What a kubespray rule judges: the effective variables of a kubespray run, not a resource type.</summary>
    public const string KubesprayRun = "kubespray-run";

    /// <summary>The one factory for descriptors: derives the help link from the id. Set <see cref="RuleDescriptor.Judges"/>
    /// and <see cref="RuleDescriptor.Reads"/> with <c>with { ... }</c> or through <see cref="Judging"/>.</summary>
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

    /// <summary>Declares the changes a rule judges and the state it reads.</summary>
    public static RuleDescriptor Judging(this RuleDescriptor rule, string[] types, params StateNeed[] reads) =>
        rule with { Judges = [.. types], Reads = [.. reads] };
}
