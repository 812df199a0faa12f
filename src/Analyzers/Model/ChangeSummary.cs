using System.Collections.Immutable;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Model;

/// <summary>Accounts for every resource change in the input: <c>Analysed + Unsupported + Unknown == Total</c>.</summary>
public sealed record ChangeSummary
{
    public required int Total { get; init; }

    public required ImmutableDictionary<ChangeKind, int> ByAction { get; init; }

    public required int Analysed { get; init; }

    public required int Unsupported { get; init; }

    public required int Unknown { get; init; }

    /// <summary>Every change that is not analysed, with why: each one makes the verdict incomplete.</summary>
    public ImmutableArray<UnanalysedChange> NotAnalysed { get; init; } = [];
}

/// <summary>A change counted as unsupported or unknown, and why (e.g. "aws_security_group_rule.node changes security group
/// sg-0ab of 12 nodes: aws_security_group_rule changes are not analysed").</summary>
public sealed record UnanalysedChange(string Address, MappingStatus Status, string Reason)
{
    /// <summary>The reason is said after the address ("ADDRESS: REASON"), as <see cref="Judging.ChangeJudgement.AfterAddress"/>.</summary>
    public bool AfterAddress { get; init; }

    /// <summary>The whole sentence. Writers that can write it in parts (<see cref="WriteWhy"/>) need not make it.</summary>
    public string Why => AfterAddress ? $"{Address}: {Reason}" : Reason;

    /// <summary>Writes <see cref="Why"/> into <paramref name="into"/> (grown when too short) and returns its length.</summary>
    public int WriteWhy(ref char[] into)
    {
        var length = AfterAddress ? Address.Length + 2 + Reason.Length : Reason.Length;
        if (into.Length < length) into = new char[Math.Max(length, 2 * into.Length)];
        var span = into.AsSpan();
        if (AfterAddress)
        {
            Address.CopyTo(span);
            span[Address.Length] = ':';
            span[Address.Length + 1] = ' ';
            span = span[(Address.Length + 2)..];
        }
        Reason.CopyTo(span);
        return length;
    }
}
