using Kalc.Iac.AwsModel.Model;

namespace Kalc.Iac.Analyzers.Network;

/// <summary>Whether security groups let a flow through. Ordered: the weaker of ingress and egress decides.</summary>
public enum Reach
{
    Denied,
    Unknown,
    Allowed,
}

/// <summary>The answer with the rules that decided it (the allowing ones, or why it is unknown).</summary>
public sealed record ReachResult(Reach Reach, SecurityGroupRule? Ingress, SecurityGroupRule? Egress, string? WhyUnknown)
{
    public static ReachResult Combine(SideResult ingress, SideResult egress)
    {
        var reach = (Reach)Math.Min((int)ingress.Reach, (int)egress.Reach);
        var why = reach == Reach.Unknown ? (ingress.Reach == Reach.Unknown ? ingress.WhyUnknown : egress.WhyUnknown) : null;
        return new ReachResult(reach, ingress.Rule, egress.Rule, why);
    }
}

/// <summary>One direction's answer: the best rule of the groups on that side.</summary>
public sealed record SideResult(Reach Reach, SecurityGroupRule? Rule, string? WhyUnknown);
