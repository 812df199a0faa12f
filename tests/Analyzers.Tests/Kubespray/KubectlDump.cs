using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.Analyzers.Tests.Kubespray;

/// <summary>Test-side reading of the few `kubectl get -o json` fields the kubespray rules use (Nodes, DaemonSets,
/// ConfigMaps), so the example's state can be checked here; the product reader lives in KubeModel.</summary>
internal static class KubectlDump
{
    public static KubeState Load(string dir)
    {
        var nodes = ImmutableArray.CreateBuilder<KubeNode>();
        var workloads = ImmutableArray.CreateBuilder<Workload>();
        var configMaps = ImmutableArray.CreateBuilder<ConfigMap>();
        foreach (var file in Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var name = Path.GetRelativePath(dir, file);
            var items = doc.RootElement.TryGetProperty("items", out var list) ? list.EnumerateArray().ToList() : [doc.RootElement];
            foreach (var item in items)
            {
                var meta = item.GetProperty("metadata");
                var objName = meta.GetProperty("name").GetString()!;
                var ns = meta.TryGetProperty("namespace", out var n) ? n.GetString()! : "";
                var source = SourceRef.Of(name, null, $"{item.GetProperty("kind").GetString()}/{objName}");
                switch (item.GetProperty("kind").GetString())
                {
                    case "Node":
                        var labels = Strings(meta, "labels");
                        var spec = item.GetProperty("spec");
                        nodes.Add(new KubeNode
                        {
                            Name = objName,
                            Labels = labels,
                            ProviderId = spec.TryGetProperty("providerID", out var p) ? p.GetString() : null,
                            PodCidrs = spec.TryGetProperty("podCIDRs", out var pc) ? [.. pc.EnumerateArray().Select(c => c.GetString()!)] : [],
                            InternalIp = item.GetProperty("status").GetProperty("addresses").EnumerateArray()
                                .Where(a => a.GetProperty("type").GetString() == "InternalIP").Select(a => a.GetProperty("address").GetString()).FirstOrDefault(),
                            KubeletVersion = item.GetProperty("status").GetProperty("nodeInfo").GetProperty("kubeletVersion").GetString(),
                            IsControlPlane = labels.ContainsKey("node-role.kubernetes.io/control-plane") || labels.ContainsKey("node-role.kubernetes.io/master"),
                            Source = source,
                        });
                        break;
                    case "DaemonSet" or "Deployment":
                        var containers = item.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers").EnumerateArray().ToList();
                        workloads.Add(new Workload
                        {
                            Kind = item.GetProperty("kind").GetString()!,
                            Namespace = ns,
                            Name = objName,
                            Images = [.. containers.Select(c => c.GetProperty("image").GetString()!)],
                            Args = [.. containers.SelectMany(c => c.TryGetProperty("args", out var a) ? a.EnumerateArray().Select(x => x.GetString()!) : [])],
                            Source = source,
                        });
                        break;
                    case "ConfigMap":
                        configMaps.Add(new ConfigMap { Namespace = ns, Name = objName, Data = Strings(item, "data"), Source = source });
                        break;
                }
            }
        }
        return new KubeState
        {
            Nodes = nodes.ToImmutable(),
            Workloads = workloads.ToImmutable(),
            ConfigMaps = configMaps.ToImmutable(),
            Loaded = [KubeStateKind.Nodes, KubeStateKind.Workloads, KubeStateKind.ConfigMaps],
        };
    }

    private static ImmutableDictionary<string, string> Strings(JsonElement e, string property) =>
        e.TryGetProperty(property, out var o) ? o.EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.GetString() ?? "") : ImmutableDictionary<string, string>.Empty;
}
