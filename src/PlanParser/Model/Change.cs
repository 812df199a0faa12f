using System.Collections.Immutable;

namespace Kalc.Iac.PlanParser.Model;

/// <summary>The intended change, whatever its source: a Terraform plan (JSON or text), a Pulumi
/// preview, or a kubespray run. Immutable.</summary>
public sealed record Change
{
    public required InputKind Kind { get; init; }

    /// <summary>The input's name for messages: a path or "-" for stdin.</summary>
    public required string File { get; init; }

    /// <summary>Plan JSON format_version, or null when the format has none (text plans).</summary>
    public string? FormatVersion { get; init; }

    /// <summary>"terraform 1.9.5", "opentofu 1.8.0", "pulumi 3.100.0", or null when the input does not say.</summary>
    public string? Producer { get; init; }

    /// <summary>Every resource change in the input, in input order, including no-op and read.</summary>
    public ImmutableArray<ResourceChange> ResourceChanges { get; init; } = [];

    /// <summary>Changes made outside Terraform that the plan detected (JSON <c>resource_drift</c>);
    /// not part of what apply does, reported as context.</summary>
    public ImmutableArray<ResourceChange> Drift { get; init; } = [];

    /// <summary>What this format could not tell us that another would have
    /// (e.g. "text plan: unchanged attributes are hidden").</summary>
    public ImmutableArray<string> Limitations { get; init; } = [];

    /// <summary>JSON plans: the module calls of the plan's configuration by call path (<c>a.b</c>); empty otherwise.</summary>
    public IReadOnlyDictionary<string, PlanModuleCall> ModuleCalls { get; init; } = System.Collections.Immutable.ImmutableDictionary<string, PlanModuleCall>.Empty;

    /// <summary>For a kubespray run: the effective variables it would apply. Null for plans.</summary>
    public Kubespray.KubesprayRun? Kubespray { get; init; }
}
