using System.Text.Json;
using Kalc.Iac.Bench.Generator.Aws;
using Kalc.Iac.Bench.Generator.Kube;
using Kalc.Iac.Bench.Generator.Plan;

namespace Kalc.Iac.Bench.Generator;

/// <summary>scenario.json: the options, the counts a correct analysis must report in changes.byAction,
/// and the changes it must report as breaking (with the nodes they hit), so a bench run can check its answer.</summary>
internal static class ScenarioSummary
{
    public static void Write(Utf8JsonWriter w, Scenario s)
    {
        var o = s.Options;
        w.WriteStartObject();
        w.WriteString("generator", "kalc-bench-generator");
        w.WriteNumber("seed", o.Seed);
        w.WriteNumber("resources", o.Resources);
        w.WriteNumber("instances", o.Instances);
        w.WriteNumber("nodes", o.Nodes);
        w.WriteNumber("roles", o.Roles);
        w.WriteNumber("policies", o.Policies);
        w.WriteNumber("instancePages", Ec2DumpWriter.PageCount(s));
        w.WriteNumber("serviceAccounts", KubeDumpWriter.ApplicationAccounts + 8);

        var byAction = new SortedDictionary<string, int>(StringComparer.Ordinal)
        {
            ["create"] = 0,
            ["update"] = 0,
            ["delete"] = 0,
            ["replace"] = 0,
            ["read"] = 0,
            ["no-op"] = 0,
            ["forget"] = 0,
        };
        foreach (var action in s.Actions)
            byAction[action switch
            {
                PlanAction.ReplaceCreateFirst or PlanAction.ReplaceDeleteFirst => "replace",
                _ => action.Wire()[0],
            }]++;
        byAction["delete"] += 2; // the node profile and the CNI policy attachment
        byAction["update"] += 1; // the load balancer controller's trust policy
        byAction["delete"] += 1; // the node group's kubelet rule
        byAction["replace"] += 1; // the cluster security group
        w.WriteNumber("totalChanges", s.Actions.Length + BreakingChanges.Addresses.Length);
        w.WriteStartObject("byAction");
        foreach (var (action, count) in byAction) w.WriteNumber(action, count);
        w.WriteEndObject();

        var profileNodes = Enumerable.Range(0, o.Nodes).Count(i => !Scenario.IsGpuNode(i));
        w.WriteStartArray("breaking");
        Breaking(w, BreakingChanges.NodeProfileAddress, ["kubelet", "aws-node", "cloud-controller-manager"], profileNodes,
            "deletes instance profile kube-node, used by every node of the general node group");
        Breaking(w, BreakingChanges.CniAttachmentAddress, ["aws-node"], profileNodes,
            "detaches AmazonEKS_CNI_Policy from kube-node-role, the role of the general node group (the GPU group's role keeps it)");
        Breaking(w, BreakingChanges.AlbRoleAddress, ["aws-load-balancer-controller"], 0,
            "the new trust policy no longer names kube-system:aws-load-balancer-controller");
        Breaking(w, BreakingChanges.KubeletRuleAddress, ["kubelet"], o.Nodes,
            "removes the node group's only rule letting the control plane (cluster security group) reach the kubelets on tcp 10250 (KIAC501)");
        Breaking(w, BreakingChanges.ClusterGroupAddress, ["kubelet"], 0,
            "replaces the cluster security group while the control plane's ENIs carry it: the delete fails, and nodes -> API server 443 passes only through it (KIAC503)");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Breaking(Utf8JsonWriter w, string address, string[] components, int nodes, string why)
    {
        w.WriteStartObject();
        w.WriteString("address", address);
        w.WriteStartArray("components");
        foreach (var c in components) w.WriteStringValue(c);
        w.WriteEndArray();
        w.WriteNumber("nodes", nodes);
        w.WriteString("why", why);
        w.WriteEndObject();
    }
}
