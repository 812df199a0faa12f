using System.Collections.Frozen;
using System.Collections.Immutable;
using Kalc.Iac.AwsModel.Model;

namespace Kalc.Iac.Analyzers.Network;

/// <summary>The rules of every security group at one moment, by group id; groups whose rules are not known (a change
/// with values known only after apply) are named in <see cref="Unknown"/>; groups that no longer exist in <see cref="Deleted"/>.</summary>
public sealed class SecurityGroupRuleSet
{
    public SecurityGroupRuleSet(IReadOnlyDictionary<string, ImmutableArray<SecurityGroupRule>> rules,
        IReadOnlyDictionary<string, string>? unknown = null, IReadOnlySet<string>? deleted = null)
    {
        Rules = rules.ToFrozenDictionary(StringComparer.Ordinal);
        Unknown = (unknown ?? new Dictionary<string, string>()).ToFrozenDictionary(StringComparer.Ordinal);
        Deleted = (deleted ?? new HashSet<string>()).ToFrozenSet(StringComparer.Ordinal);
    }

    public static SecurityGroupRuleSet Of(AwsState state) =>
        new(state.SecurityGroups.GroupBy(g => g.GroupId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Rules, StringComparer.Ordinal));

    public FrozenDictionary<string, ImmutableArray<SecurityGroupRule>> Rules { get; }

    /// <summary>Group id -> why its rules are unknown.</summary>
    public FrozenDictionary<string, string> Unknown { get; }

    public FrozenSet<string> Deleted { get; }

    public bool Knows(string groupId) => Rules.ContainsKey(groupId);
}
