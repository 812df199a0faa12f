using Kalc.Iac.Analyzers.Mapping;

namespace Kalc.Iac.Analyzers.Rules.Permissions;

/// <summary>A running node whose instance gets another role's credentials after the change: its instance profile's role is
/// switched in place, or the instance is pointed at another profile. <see cref="RoleAfter"/> is null when the new role
/// cannot be told (<see cref="Unknown"/> says why).</summary>
public sealed record NodeRoleSwitch(string Node, string Instance, string ProfileAfter, string? RoleAfter, MappedChange? Cause, string? Unknown);
