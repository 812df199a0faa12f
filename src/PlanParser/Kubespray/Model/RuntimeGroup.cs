using System.Collections.Immutable;

namespace Kalc.Iac.PlanParser.Kubespray.Model;

/// <summary>A group kubespray's first play fills with group_by, for the releases [FromRelease, UntilRelease):
/// every host in one of <see cref="Members"/> (as the inventory defines them) joins <see cref="Group"/>.</summary>
public sealed record RuntimeGroup(string Group, ImmutableArray<string> Members, string FromRelease, string? UntilRelease);
