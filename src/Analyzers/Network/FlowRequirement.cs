using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.Analyzers.Network;

/// <summary>One flow the cluster needs (Catalog/flows.json): from one side to another, a protocol and port range, what
/// stops when it is blocked, and where that is documented. Ports of webhook and aggregated-API flows come from the state.</summary>
public sealed record FlowRequirement
{
    public required string Id { get; init; }

    /// <summary>control-plane, nodes or webhook-pods.</summary>
    public required string From { get; init; }

    public required string To { get; init; }

    /// <summary>Normalised like security group rules: tcp, udp or a protocol number ("4" for IP-in-IP).</summary>
    public required string Protocol { get; init; }

    public int? FromPort { get; init; }

    public int? ToPort { get; init; }

    /// <summary>always, eks, self-managed or cni:NAME.</summary>
    public required string When { get; init; }

    public string? Mode { get; init; }

    public required Severity Severity { get; init; }

    public required string Component { get; init; }

    public required string Breaks { get; init; }

    public required string SourceLink { get; init; }

    public string Describe(int? port) => Protocol switch
    {
        "4" => "IP-in-IP (protocol 4)",
        _ when port is { } p => $"{Protocol} {p}",
        _ when FromPort == ToPort => $"{Protocol} {FromPort}",
        _ => $"{Protocol} {FromPort}-{ToPort}",
    };
}

/// <summary>A CNI kalc-iac recognises by its DaemonSet, and the data-path mode it uses unless configured otherwise.</summary>
public sealed record CniDefinition(string Name, IReadOnlyList<string> DaemonSets, string DefaultMode, string SourceLink);
