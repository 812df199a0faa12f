using System.Collections.Immutable;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Network;

/// <summary>A flow the security groups allowed before the change and deny (or may deny) after it.</summary>
public sealed record FlowLoss
{
    public required FlowRequirement Flow { get; init; }

    public int? Port { get; init; }

    public required NetworkEndpoint Source { get; init; }

    public required NetworkEndpoint Destination { get; init; }

    public required ReachResult Before { get; init; }

    public required ReachResult After { get; init; }

    /// <summary>For webhook and aggregated-API flows: what is called.</summary>
    public WebhookTarget? Target { get; init; }

    /// <summary>The changes to the groups on either side.</summary>
    public required ImmutableArray<ResourceChange> CausedBy { get; init; }

    /// <summary>True when the flow belongs to a data-path mode other than the CNI's default (whether it is in use is not known).</summary>
    public bool ModeUncertain { get; init; }

    public bool Certain => After.Reach == Reach.Denied;
}
