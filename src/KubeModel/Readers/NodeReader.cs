using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.KubeModel.Readers;

/// <summary>A Node: providerID (joins it to EC2), labels, pod CIDRs, InternalIP, kubelet version, control-plane role.</summary>
internal static class NodeReader
{
    public static KubeNode Read(JsonElement obj, ObjectMeta meta, SourceRef source)
    {
        var spec = obj.Obj("spec") ?? default;
        var status = obj.Obj("status") ?? default;
        var cidrs = spec.Strings("podCIDRs");
        if (cidrs.IsEmpty && spec.Str("podCIDR") is { } single) cidrs = [single];
        return new KubeNode
        {
            Name = meta.Name,
            ProviderId = spec.Str("providerID"),
            Labels = meta.Labels,
            PodCidrs = cidrs,
            InternalIp = status.Arr("addresses").Where(a => a.Str("type") == "InternalIP").Select(a => a.Str("address")).FirstOrDefault(),
            KubeletVersion = status.Obj("nodeInfo")?.Str("kubeletVersion"),
            IsControlPlane = ControlPlanePlacement.IsControlPlaneNode(meta.Labels, spec),
            ControlPlaneTainted = ControlPlanePlacement.HasControlPlaneTaint(spec),
            Source = source,
        };
    }
}
