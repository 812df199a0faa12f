using System.Collections.Immutable;
using System.Globalization;
using Kalc.Iac.Analyzers.Cluster;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.Analyzers.Network;

/// <summary>Resolves every webhook and APIService that names a Service to the pods behind it, as kube-proxy does: the
/// Service port the reference names (443 by default), its targetPort (a number, or a name looked up in each selected pod's
/// container ports), and the workloads whose pod labels the Service's selector matches
/// (https://kubernetes.io/docs/concepts/services-networking/service/#field-spec-ports). What cannot be resolved is noted.</summary>
public static class WebhookTargets
{
    public static (ImmutableArray<WebhookTarget> Targets, ImmutableArray<string> Unresolved) Resolve(ClusterTopology topology)
    {
        var kube = topology.World.Kube;
        var services = kube.Services.ToDictionary(s => s.Key, StringComparer.Ordinal);
        var targets = ImmutableArray.CreateBuilder<WebhookTarget>();
        var unresolved = ImmutableArray.CreateBuilder<string>();
        foreach (var w in kube.AdmissionWebhooks)
        {
            if (w.Service is not { } reference) continue;
            var name = $"{w.ConfigurationKind} {w.ConfigurationName}, webhook {w.Name}";
            Add(name, "admission-webhook", reference, w, null);
        }
        foreach (var a in kube.ApiServices)
        {
            if (a.Service is { } reference) Add($"APIService {a.Name}", "aggregated-api", reference, null, a);
        }
        return (targets.ToImmutable(), unresolved.ToImmutable());

        void Add(string name, string flow, ServiceReference reference, AdmissionWebhook? webhook, ApiService? api)
        {
            if (!services.TryGetValue(reference.Key, out var service))
            {
                if (kube.Loaded.Contains(KubeStateKind.Services))
                    unresolved.Add($"{name} names Service {reference.Key}, which does not exist: calls to it already fail");
                else
                    unresolved.Add($"{name} names Service {reference.Key}; Services were not read (kubectl get services -A -o json)");
                return;
            }
            if (service.Ports.FirstOrDefault(p => p.Port == reference.Port) is not { } port)
            {
                unresolved.Add($"{name}: Service {reference.Key} has no port {reference.Port}");
                return;
            }
            var selected = topology.Workloads.Where(cw => Selects(service, cw.Workload)).ToList();
            var byPort = new Dictionary<int, List<ClusterWorkload>>();
            foreach (var cw in selected)
            {
                // An unset targetPort is the port itself (the API server defaults it).
                var targetPort = port.TargetPort ?? port.Port.ToString(CultureInfo.InvariantCulture);
                var podPort = int.TryParse(targetPort, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
                    : cw.Workload.ContainerPorts.FirstOrDefault(c => c.Name == targetPort)?.Port;
                if (podPort is not { } p)
                {
                    unresolved.Add($"{name}: {cw.Workload.Key} has no container port named {targetPort}");
                    continue;
                }
                if (!byPort.TryGetValue(p, out var list)) byPort[p] = list = [];
                list.Add(cw);
            }
            if (selected.Count == 0)
                unresolved.Add($"{name}: no workload read matches Service {reference.Key}'s selector");
            foreach (var (podPort, workloads) in byPort)
            {
                targets.Add(new WebhookTarget
                {
                    Name = name,
                    FlowId = flow,
                    Webhook = webhook,
                    ApiService = api,
                    Service = service,
                    ServicePort = port.Port,
                    PodPort = podPort,
                    PortChain = $"Service {service.Key} port {port.Port} -> targetPort {port.TargetPort ?? port.Port.ToString(CultureInfo.InvariantCulture)} -> port {podPort} of {string.Join(", ", workloads.Select(x => x.Workload.Key))}",
                    Workloads = [.. workloads.Select(x => x.Workload)],
                    Nodes = [.. workloads.SelectMany(x => x.Placement.Nodes).Distinct(StringComparer.Ordinal)],
                    NodesExact = workloads.All(x => x.Placement.Exact),
                });
            }
        }
    }

    /// <summary>A Service with a selector selects pods whose labels include every selector pair, in its namespace.</summary>
    public static bool Selects(KubeService service, Workload workload) =>
        !service.Selector.IsEmpty && workload.Namespace == service.Namespace &&
        service.Selector.All(kv => workload.PodLabels.TryGetValue(kv.Key, out var v) && v == kv.Value);
}
