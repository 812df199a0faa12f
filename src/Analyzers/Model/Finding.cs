using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.Analyzers.Model;

/// <summary>One predicted breakage, with the chain of evidence that leads to it.</summary>
public sealed record Finding
{
    public required string RuleId { get; init; }

    public required Severity Severity { get; init; }

    public required string Title { get; init; }

    /// <summary>Names the concrete resources.</summary>
    public required string Message { get; init; }

    public ChangeRef? Change { get; init; }

    /// <summary>Where the user acts on it: the plan change (or, with --source, the declaring line of configuration), or for
    /// kubespray the file that sets the variable.</summary>
    public SourceRef? Source { get; init; }

    public required Impact Impact { get; init; }

    /// <summary>Ordered: plan change -> AWS resource -> who uses it -> Kubernetes component -> symptom -> when.</summary>
    public ImmutableArray<Evidence> Evidence { get; init; } = [];

    public required string Remediation { get; init; }
}
