using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.Core;

namespace Kalc.Iac.KubeModel.Readers;

/// <summary>Whether a node is, or a pod spec is placed on, the control plane: the node-role label and taint
/// keys kubeadm sets (control-plane since 1.20, master before 1.24).</summary>
internal static class ControlPlanePlacement
{
    public static readonly ImmutableArray<string> RoleKeys = ["node-role.kubernetes.io/control-plane", "node-role.kubernetes.io/master"];

    public static bool IsControlPlaneNode(ImmutableDictionary<string, string> labels, JsonElement spec) =>
        RoleKeys.Any(labels.ContainsKey) || spec.Arr("taints").Any(t => t.Str("key") is { } k && RoleKeys.Contains(k));

    /// <summary>nodeSelector on the role label, or required node affinity selecting it with In/Exists: the pods run only there.</summary>
    public static bool SelectsControlPlane(JsonElement podSpec, ImmutableDictionary<string, string> nodeSelector)
    {
        if (RoleKeys.Any(nodeSelector.ContainsKey)) return true;
        var affinity = podSpec.Obj("affinity")?.Obj("nodeAffinity");
        if (affinity is not { } a) return false;
        // Only a required term restricts placement; a preferred one still lets the pod run on any node.
        var terms = a.Obj("requiredDuringSchedulingIgnoredDuringExecution") is { } req ? req.Arr("nodeSelectorTerms").ToList() : [];
        return terms.SelectMany(t => t.Arr("matchExpressions"))
            .Any(e => e.Str("key") is { } k && RoleKeys.Contains(k) && e.Str("operator") is "In" or "Exists");
    }

    /// <summary>A NoSchedule/NoExecute taint with a control-plane role key.</summary>
    public static bool HasControlPlaneTaint(JsonElement spec) =>
        spec.Arr("taints").Any(t => t.Str("key") is { } k && RoleKeys.Contains(k) && t.Str("effect") is "NoSchedule" or "NoExecute");

    /// <summary>A toleration for the role taint, or one that tolerates every taint (operator Exists, no key), with no
    /// effect or the taint's effect (NoSchedule).</summary>
    public static bool ToleratesControlPlane(JsonElement podSpec) =>
        podSpec.Arr("tolerations").Any(t =>
            (t.Str("key") is { Length: > 0 } k ? RoleKeys.Contains(k) : t.Str("operator") == "Exists") &&
            t.Str("effect") is null or "" or "NoSchedule");
}
