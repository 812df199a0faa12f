using System.Text.Json;

namespace Kalc.Iac.Bench.Generator.Plan;

/// <summary>The hand-made changes that really break the generated cluster, so a benchmark run goes through
/// the findings path: the node instance profile goes, the node role loses the CNI policy, and the load
/// balancer controller's role stops trusting its service account.</summary>
internal static class BreakingChanges
{
    public const string NodeProfileAddress = "module.iam.aws_iam_instance_profile.kube_node";
    public const string CniAttachmentAddress = "module.iam.aws_iam_role_policy_attachment.node[\"AmazonEKS_CNI_Policy\"]";
    public const string AlbRoleAddress = "module.eks.aws_iam_role.alb_controller";

    public static readonly string[] Addresses = [NodeProfileAddress, CniAttachmentAddress, AlbRoleAddress];

    public static void Write(PlanChangeWriter changes, Scenario s)
    {
        changes.Write(new PlanChangeWriter.Entry(NodeProfileAddress, "module.iam", "aws_iam_instance_profile", "kube_node", null,
            PlanAction.Delete, [], [], w => NodeProfile(w, s), null));
        changes.Write(new PlanChangeWriter.Entry(CniAttachmentAddress, "module.iam", "aws_iam_role_policy_attachment", "node", "AmazonEKS_CNI_Policy",
            PlanAction.Delete, [], [], CniAttachment, null));
        changes.Write(new PlanChangeWriter.Entry(AlbRoleAddress, "module.eks", "aws_iam_role", "alb_controller", null,
            PlanAction.Update, [], [],
            w => AlbRole(w, s, TrustPolicies.Irsa("kube-system", "aws-load-balancer-controller")),
            w => AlbRole(w, s, TrustPolicies.Irsa("default", "alb"))));
    }

    private static void NodeProfile(Utf8JsonWriter w, Scenario s)
    {
        w.WriteStartObject();
        w.WriteString("arn", Scenario.NodeProfileArn);
        w.WriteString("create_date", "2023-01-09T10:00:00Z");
        w.WriteString("id", Scenario.NodeProfile);
        w.WriteString("name", Scenario.NodeProfile);
        w.WriteString("name_prefix", "");
        w.WriteString("path", "/");
        w.WriteString("role", Scenario.NodeRole);
        w.WriteStartObject("tags");
        w.WriteEndObject();
        w.WriteStartObject("tags_all");
        w.WriteEndObject();
        w.WriteString("unique_id", s.UniqueId("AIPA", -1, 61));
        w.WriteEndObject();
    }

    private static void CniAttachment(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("id", Scenario.NodeRole + "-20230109100000000000000001");
        w.WriteString("policy_arn", "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy");
        w.WriteString("role", Scenario.NodeRole);
        w.WriteEndObject();
    }

    private static void AlbRole(Utf8JsonWriter w, Scenario s, string trust)
    {
        w.WriteStartObject();
        w.WriteString("arn", Scenario.RoleArn(Scenario.AlbRole));
        w.WriteString("assume_role_policy", trust);
        w.WriteString("create_date", "2023-01-09T10:00:00Z");
        w.WriteString("description", "AWS Load Balancer Controller (IRSA)");
        w.WriteBoolean("force_detach_policies", false);
        w.WriteString("id", Scenario.AlbRole);
        w.WriteNumber("max_session_duration", 3600);
        w.WriteString("name", Scenario.AlbRole);
        w.WriteString("path", "/");
        w.WriteString("unique_id", s.UniqueId("AROA", -3, 41));
        w.WriteEndObject();
    }
}
