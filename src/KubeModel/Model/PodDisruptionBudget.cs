using Kalc.Iac.Core;

namespace Kalc.Iac.KubeModel.Model;

/// <summary>A PodDisruptionBudget (policy/v1): how many of the selected pods an eviction (a node drain) may take down.</summary>
public sealed record PodDisruptionBudget
{
    public required string Namespace { get; init; }

    public required string Name { get; init; }

    /// <summary>spec.minAvailable as written: a count ("2") or a percentage ("50%"); null when unset.</summary>
    public string? MinAvailable { get; init; }

    public string? MaxUnavailable { get; init; }

    public LabelSelector Selector { get; init; } = new();

    /// <summary>status.disruptionsAllowed: 0 means every eviction is refused now; null when the dump has no status.</summary>
    public int? DisruptionsAllowed { get; init; }

    public int? CurrentHealthy { get; init; }

    public int? ExpectedPods { get; init; }

    public required SourceRef Source { get; init; }

    public string Key => $"{Namespace}/{Name}";

    /// <summary>Evictions the budget allows for a workload of <paramref name="replicas"/> healthy pods, computed as the
    /// disruption controller does (percentages rounded up, https://kubernetes.io/docs/tasks/run-application/configure-pdb/).</summary>
    public int AllowedFor(int replicas)
    {
        if (MaxUnavailable is { } max) return Math.Max(0, Resolve(max, replicas));
        if (MinAvailable is { } min) return Math.Max(0, replicas - Resolve(min, replicas));
        return replicas;
    }

    private static int Resolve(string value, int total) =>
        value.EndsWith('%') && int.TryParse(value[..^1], System.Globalization.CultureInfo.InvariantCulture, out var pct)
            ? (int)Math.Ceiling(total * pct / 100.0)
            : int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
}
