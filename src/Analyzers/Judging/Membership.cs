using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.Analyzers.Judging;

/// <summary>Whether an identity is something the cluster uses: yes (saying how), no, or cannot be told without the state named.</summary>
public sealed record Membership
{
    private Membership(MembershipKind kind, string? usedBy, ImmutableArray<StateNeed> needs, string? why)
    {
        Kind = kind;
        UsedBy = usedBy;
        Needs = needs;
        Why = why;
    }

    public MembershipKind Kind { get; }

    /// <summary>For <see cref="MembershipKind.Used"/>: what it is to the cluster, e.g. "security group sg-0ab of 12 nodes".</summary>
    public string? UsedBy { get; }

    /// <summary>For <see cref="MembershipKind.Undecidable"/>: the state that would decide it (may be empty when no state can).</summary>
    public ImmutableArray<StateNeed> Needs { get; }

    /// <summary>For <see cref="MembershipKind.Undecidable"/> with no state to give: why it cannot be told.</summary>
    public string? Why { get; }

    public static readonly Membership NotUsed = new(MembershipKind.NotUsed, null, [], null);

    public static Membership Used(string usedBy) => new(MembershipKind.Used, usedBy, [], null);

    public static Membership Undecidable(IEnumerable<StateNeed> needs, string? why = null) => new(MembershipKind.Undecidable, null, [.. needs], why);
}

public enum MembershipKind
{
    NotUsed,
    Used,
    Undecidable,
}
