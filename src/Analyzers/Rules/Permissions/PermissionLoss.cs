using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Mapping;

namespace Kalc.Iac.Analyzers.Rules.Permissions;

/// <summary>A component losing actions through one causing change (or several changes that only together remove them).</summary>
public sealed record PermissionLoss
{
    public required ComponentPrincipal Principal { get; init; }

    /// <summary>The change that removes the actions; null when no single change of the plan could be named.</summary>
    public MappedChange? Cause { get; init; }

    /// <summary>Other changes that take part when only the combination removes the actions.</summary>
    public ImmutableArray<MappedChange> Together { get; init; } = [];

    public required ImmutableArray<ActionLoss> Lost { get; init; }

    /// <summary>True when the role itself is destroyed (then every action is lost).</summary>
    public bool RoleDeleted { get; init; }

    /// <summary>The role the nodes get instead of the principal's, when their profile's role is switched or the instance is
    /// pointed at another profile.</summary>
    public Kalc.Iac.AwsModel.Model.IamRole? SwitchedTo { get; init; }

    public bool LosesEssential => Lost.Any(l => l.Requirement.IsEssential);
}
