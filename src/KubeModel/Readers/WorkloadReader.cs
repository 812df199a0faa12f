using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.KubeModel.Readers;

/// <summary>Deployments, DaemonSets, StatefulSets, ReplicaSets, Jobs, CronJobs and Pods: what runs, as which
/// service account, where, with which images, flags and credential-related env names.</summary>
internal static class WorkloadReader
{
    public static readonly ImmutableHashSet<string> Kinds = ["Deployment", "DaemonSet", "StatefulSet", "ReplicaSet", "Job", "CronJob", "Pod"];

    public static Workload Read(JsonElement obj, ObjectMeta meta, SourceRef source)
    {
        var spec = obj.Obj("spec") ?? default;
        var podSpec = meta.Kind switch
        {
            "Pod" => spec,
            "CronJob" => spec.Obj("jobTemplate")?.Obj("spec")?.Obj("template")?.Obj("spec"),
            _ => spec.Obj("template")?.Obj("spec"),
        } ?? default;
        var containers = podSpec.Arr("containers").ToList();
        var nodeSelector = podSpec.StringMap("nodeSelector");
        var tolerates = ControlPlanePlacement.ToleratesControlPlane(podSpec);
        return new Workload
        {
            Kind = meta.Kind,
            Namespace = meta.Namespace,
            Name = meta.Name,
            ServiceAccountName = podSpec.Str("serviceAccountName") is { Length: > 0 } sa ? sa
                : podSpec.Str("serviceAccount") is { Length: > 0 } old ? old : "default",
            Labels = meta.Labels,
            PodLabels = meta.Kind switch
            {
                "Pod" => meta.Labels,
                "CronJob" => spec.Obj("jobTemplate")?.Obj("spec")?.Obj("template")?.Obj("metadata")?.StringMap("labels") ?? meta.Labels,
                _ => spec.Obj("template")?.Obj("metadata")?.StringMap("labels") ?? meta.Labels,
            },
            NodeSelector = nodeSelector,
            Images = [.. containers.Concat(podSpec.Arr("initContainers")).Select(c => c.Str("image")).OfType<string>().Distinct()],
            Args = [.. containers.SelectMany(c => c.Strings("command").Concat(c.Strings("args")))],
            EnvNames = [.. containers.SelectMany(c => c.Arr("env")).Select(e => e.Str("name")).OfType<string>().Distinct()],
            NodeName = podSpec.Str("nodeName"),
            OnControlPlane = ControlPlanePlacement.SelectsControlPlane(podSpec, nodeSelector),
            ToleratesControlPlane = tolerates,
            HostNetwork = podSpec.Bool("hostNetwork"),
            ContainerPorts = [.. containers.Concat(podSpec.Arr("initContainers")).SelectMany(c => c.Arr("ports")).Select(ReadPort).OfType<ContainerPort>()],
            Replicas = meta.Kind is "Deployment" or "StatefulSet" or "ReplicaSet" ? (int)(spec.Long("replicas") ?? 1) : null,
            OwnedBy = meta.OwnerKind is { } k && meta.OwnerName is { } n ? $"{k}/{n}" : null,
            Source = source,
        };
    }

    private static ContainerPort? ReadPort(JsonElement p) =>
        p.Long("containerPort") is { } n and > 0 and <= 65535 ? new ContainerPort(p.Str("name"), (int)n, p.Str("protocol") ?? "TCP") : null;
}
