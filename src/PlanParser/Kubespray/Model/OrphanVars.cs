using System.Collections.Immutable;

namespace Kalc.Iac.PlanParser.Kubespray.Model;

/// <summary>A group_vars or host_vars file or directory for a group or host the inventory does not have.
/// Ansible loads nothing from it, so every variable it sets falls back to what the other sources give.</summary>
public sealed record OrphanVars
{
    /// <summary>The file or directory, relative to the inventory directory (<c>group_vars/k8s-cluster</c>).</summary>
    public required string Path { get; init; }

    /// <summary>The group or host it is named after.</summary>
    public required string Name { get; init; }

    public required bool IsHostVars { get; init; }

    /// <summary>The group kubespray renamed this one to, when it is a renamed group.</summary>
    public RenamedGroup? Renamed { get; init; }

    /// <summary>An existing group or host whose name is close (edit distance), when not a known rename.</summary>
    public string? Suggestion { get; init; }

    public ImmutableArray<VariableAssignment> Variables { get; init; } = [];
}
