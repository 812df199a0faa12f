using System.Collections.Immutable;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping.Aws;

/// <summary>A change to security group rules held by a resource of their own: the rules it held before and holds after,
/// each side unknown when its values are known only after apply.</summary>
public sealed record SecurityGroupRuleChange(ResourceChange Change, string? GroupBefore, Known<ImmutableArray<SecurityGroupRule>>? Before,
    string? GroupAfter, Known<ImmutableArray<SecurityGroupRule>>? After) : MappedChange(Change)
{
    /// <summary>The groups whose rules this change touches.</summary>
    public IEnumerable<string> Groups => new[] { GroupBefore, GroupAfter }.OfType<string>().Distinct(StringComparer.Ordinal);
}

/// <summary>aws_security_group_rule: type (ingress/egress), security_group_id, protocol, ports and peers
/// (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group_rule).</summary>
public sealed class SecurityGroupRuleMapper : IResourceMapper
{
    public string ResourceType => "aws_security_group_rule";

    public IReadOnlyList<string> Attributes { get; } =
        ["type", "security_group_id", "protocol", "from_port", "to_port", "cidr_blocks", "ipv6_cidr_blocks", "prefix_list_ids", "source_security_group_id", "self", "description"];

    public MappedChange Map(ResourceChange change) => Build(change, Side);

    /// <summary>A rule change from its two sides, each read by <paramref name="side"/> (group id and rules).</summary>
    internal static MappedChange Build(ResourceChange change, Func<PlanValue, SourceRef, (string?, Known<ImmutableArray<SecurityGroupRule>>?)> side)
    {
        var source = change.Source with { Path = change.Address };
        var (gb, rb) = side(change.Before, source);
        var (ga, ra) = side(change.After, source);
        return new SecurityGroupRuleChange(change, gb, rb, ga, ra)
            .Identified(change.Before is not PlanObject || gb is not null, "the rule's security_group_id is not in the plan");
    }

    private static (string?, Known<ImmutableArray<SecurityGroupRule>>?) Side(PlanValue v, SourceRef source)
    {
        if (v is not PlanObject) return (null, null);
        var group = PlanValues.Str(v, "security_group_id");
        var type = PlanValues.Str(v, "type");
        if (!group.IsKnown || group.Value is null) return (null, Known<ImmutableArray<SecurityGroupRule>>.Unknown(group.WhyUnknown ?? "security_group_id is not set"));
        if (!type.IsKnown) return (group.Value, Known<ImmutableArray<SecurityGroupRule>>.Unknown(type.WhyUnknown!));
        return (group.Value, SecurityGroupPlanRules.FromBlock(v, group.Value, type.Value == "egress", source, "source_security_group_id"));
    }
}

/// <summary>aws_vpc_security_group_ingress_rule and aws_vpc_security_group_egress_rule: one rule, one peer
/// (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/vpc_security_group_ingress_rule).</summary>
public sealed class VpcSecurityGroupRuleMapper(bool egress) : IResourceMapper
{
    public string ResourceType => egress ? "aws_vpc_security_group_egress_rule" : "aws_vpc_security_group_ingress_rule";

    public IReadOnlyList<string> Attributes { get; } =
        ["id", "security_group_rule_id", "security_group_id", "ip_protocol", "from_port", "to_port", "cidr_ipv4", "cidr_ipv6", "prefix_list_id", "referenced_security_group_id", "description"];

    public MappedChange Map(ResourceChange change) => SecurityGroupRuleMapper.Build(change, Side);

    private (string?, Known<ImmutableArray<SecurityGroupRule>>?) Side(PlanValue v, SourceRef source)
    {
        if (v is not PlanObject) return (null, null);
        var group = PlanValues.Str(v, "security_group_id");
        if (!group.IsKnown || group.Value is null) return (null, Known<ImmutableArray<SecurityGroupRule>>.Unknown(group.WhyUnknown ?? "security_group_id is not set"));
        return (group.Value, SecurityGroupPlanRules.FromVpcRule(v, group.Value, egress, source));
    }
}
