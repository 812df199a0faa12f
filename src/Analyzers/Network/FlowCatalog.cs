using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Core;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.Analyzers.Network;

/// <summary>The reachability catalog: the flows of Catalog/flows.json and the CNIs they depend on.</summary>
public sealed class FlowCatalog
{
    public static readonly FlowCatalog Default = Load();

    private FlowCatalog(ImmutableArray<FlowRequirement> flows, ImmutableArray<CniDefinition> cnis, string version)
    {
        Flows = flows;
        Cnis = cnis;
        Version = version;
    }

    public ImmutableArray<FlowRequirement> Flows { get; }

    public ImmutableArray<CniDefinition> Cnis { get; }

    public string Version { get; }

    public FlowRequirement Get(string id) => Flows.First(f => f.Id == id);

    /// <summary>The CNIs whose DaemonSet runs in the cluster.</summary>
    public IReadOnlyList<CniDefinition> CnisIn(KubeState kube) =>
        [.. Cnis.Where(c => kube.Workloads.Any(w => w.Kind == "DaemonSet" && c.DaemonSets.Contains(w.Name)))];

    private static FlowCatalog Load()
    {
        using var stream = typeof(FlowCatalog).Assembly.GetManifestResourceStream("Kalc.Iac.Analyzers.Catalog.flows.json")
            ?? throw new InvalidOperationException("flows.json is not embedded");
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        var flows = ImmutableArray.CreateBuilder<FlowRequirement>();
        foreach (var f in root.GetProperty("flows").EnumerateArray())
        {
            flows.Add(new FlowRequirement
            {
                Id = f.Need("id", "flow"),
                From = f.Need("from", "flow"),
                To = f.Need("to", "flow"),
                Protocol = AwsModel.Model.IpProtocols.Normalize(f.Need("protocol", "flow")),
                FromPort = f.Long("fromPort") is { } from ? (int)from : null,
                ToPort = f.Long("toPort") is { } to ? (int)to : null,
                When = f.Need("when", "flow"),
                Mode = f.Str("mode"),
                Severity = Enum.Parse<Severity>(f.Need("severity", "flow"), ignoreCase: true),
                Component = f.Need("component", "flow"),
                Breaks = f.Need("breaks", "flow"),
                SourceLink = f.Need("source", "flow"),
            });
        }
        var cnis = root.GetProperty("cnis").EnumerateArray()
            .Select(c => new CniDefinition(c.Need("name", "cni"), c.Strings("daemonSets"), c.Need("defaultMode", "cni"), c.Need("source", "cni")))
            .ToImmutableArray();
        return new FlowCatalog(flows.ToImmutable(), cnis, root.GetProperty("version").GetString()!);
    }
}
