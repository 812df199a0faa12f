using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping.Aws;

/// <summary>aws_security_group: id, name, vpc_id and its inline ingress/egress. The provider reads every rule of the group
/// into these attributes, so the planned after value is the group's whole rule set (rules of separate rule resources
/// included, unless the configuration sets inline rules, which then replace them).
/// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group</summary>
/// <remarks>The rules are read from the planned value when first asked for: only an updated group's planned rules are read
/// (<see cref="Network.SecurityGroupProjection"/>), and a large plan holds thousands of groups it creates, destroys or leaves
/// as they are (with some 5 rules each, ~0.7 KiB a group).</remarks>
public sealed class SecurityGroupValues(Known<string?> id, Known<string?> name, PlanValue value, ResourceChange change)
{
    private sealed record Read(Known<ImmutableArray<SecurityGroupRule>> Rules);

    private Read? _rules;

    public Known<string?> Id { get; } = id;

    public Known<string?> Name { get; } = name;

    /// <summary>The inline ingress and egress rules, one per peer; unknown when a value that decides one is known only after apply.</summary>
    public Known<ImmutableArray<SecurityGroupRule>> Rules
    {
        get
        {
            // Two threads may both read them; either equal result is kept.
            if (Volatile.Read(ref _rules) is { } read) return read.Rules;
            var made = new Read(SecurityGroupMapper.Rules(value, Id.Value ?? change.Address, change.Source with { Path = change.Address }));
            return (Interlocked.CompareExchange(ref _rules, made, null) ?? made).Rules;
        }
    }
}

public sealed record SecurityGroupChange(ResourceChange Change, SecurityGroupValues? Before, SecurityGroupValues? After) : MappedChange(Change);

public sealed class SecurityGroupMapper : IResourceMapper
{
    public string ResourceType => "aws_security_group";

    public IReadOnlyList<string> Attributes { get; } = ["id", "name", "vpc_id", "ingress", "egress"];

    public MappedChange Map(ResourceChange change)
    {
        var (before, after) = PlanValues.BothSides(change, v => Read(v, change));
        return new SecurityGroupChange(change, before, after)
            .Identified(before is null || before.Id.IsKnown, "the security group's id is not in the plan");
    }

    private static SecurityGroupValues? Read(PlanValue v, ResourceChange change)
    {
        if (v is not PlanObject) return null;
        return new SecurityGroupValues(PlanValues.Str(v, "id"), PlanValues.Str(v, "name"), v, change);
    }

    private static readonly (string Attribute, bool Egress)[] Directions = [("ingress", false), ("egress", true)];

    internal static Known<ImmutableArray<SecurityGroupRule>> Rules(PlanValue v, string groupId, SourceRef source)
    {
        // The blocks' rules are put together in one array of their total size (a group has a few blocks, a large plan
        // thousands of groups): one block's rules are its array as made.
        var blocks = Blocks ??= [];
        blocks.Clear();
        var total = 0;
        foreach (var (attribute, egress) in Directions)
        {
            var list = v[attribute];
            if (list is PlanUnknown) return Known<ImmutableArray<SecurityGroupRule>>.Unknown($"{attribute} is known only after apply");
            foreach (var block in list.ListItems)
            {
                var rules = SecurityGroupPlanRules.FromBlock(block, groupId, egress, source);
                if (!rules.IsKnown) return rules;
                if (rules.Value.IsEmpty) continue;
                blocks.Add(rules.Value);
                total += rules.Value.Length;
            }
        }
        if (blocks.Count <= 1) return Known<ImmutableArray<SecurityGroupRule>>.Of(blocks.Count == 0 ? [] : blocks[0]);
        var all = new SecurityGroupRule[total];
        var at = 0;
        foreach (var rules in blocks)
        {
            rules.CopyTo(all, at);
            at += rules.Length;
        }
        return Known<ImmutableArray<SecurityGroupRule>>.Of(ImmutableCollectionsMarshal.AsImmutableArray(all));
    }

    /// <summary>The blocks' rules of the group being read (one list per thread, reused).</summary>
    [ThreadStatic]
    private static List<ImmutableArray<SecurityGroupRule>>? Blocks;
}
