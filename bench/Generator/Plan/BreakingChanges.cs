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

    public const string KubeletRuleAddress = "module.eks.aws_security_group_rule.node[\"ingress_cluster_kubelet\"]";
    public const string ClusterGroupAddress = "module.eks.aws_security_group.cluster";

    public static readonly string[] Addresses = [NodeProfileAddress, CniAttachmentAddress, AlbRoleAddress, KubeletRuleAddress, ClusterGroupAddress];

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
        // Networking: the node group loses the rule that lets the control plane reach the kubelets (KIAC501), and the
        // cluster security group is replaced while the control plane's ENIs carry it (KIAC503).
        changes.Write(new PlanChangeWriter.Entry(KubeletRuleAddress, "module.eks", "aws_security_group_rule", "node", "ingress_cluster_kubelet",
            PlanAction.Delete, [], [], w => KubeletRule(w, s), null));
        changes.Write(new PlanChangeWriter.Entry(ClusterGroupAddress, "module.eks", "aws_security_group", "cluster", null,
            PlanAction.ReplaceCreateFirst, ["arn", "id", "owner_id"], [], w => ClusterGroup(w, s, true), w => ClusterGroup(w, s, false), "name"));
    }

    private static void KubeletRule(Utf8JsonWriter w, Scenario s)
    {
        w.WriteStartObject();
        w.WriteNull("cidr_blocks");
        w.WriteString("description", "Cluster API to node kubelets");
        w.WriteNumber("from_port", 10250);
        w.WriteString("id", "sgrule-2046738102");
        w.WriteNull("ipv6_cidr_blocks");
        w.WriteStartArray("prefix_list_ids");
        w.WriteEndArray();
        w.WriteString("protocol", "tcp");
        w.WriteString("security_group_id", s.NodeSecurityGroupId);
        w.WriteString("security_group_rule_id", "sgr-0" + s.Det.Hex(1, 109, 16));
        w.WriteBoolean("self", false);
        w.WriteString("source_security_group_id", s.ClusterSecurityGroupId);
        w.WriteNull("timeouts");
        w.WriteNumber("to_port", 10250);
        w.WriteString("type", "ingress");
        w.WriteEndObject();
    }

    /// <summary>The cluster security group before (its id and rules) and after (a new name: a new group, id unknown).</summary>
    private static void ClusterGroup(Utf8JsonWriter w, Scenario s, bool before)
    {
        w.WriteStartObject();
        if (before) w.WriteString("arn", $"arn:aws:ec2:{Scenario.Region}:{Scenario.Account}:security-group/{s.ClusterSecurityGroupId}");
        w.WriteString("description", "EKS cluster security group");
        w.WriteStartArray("egress");
        GroupRule(w, 0, 0, "-1", "0.0.0.0/0", null);
        w.WriteEndArray();
        if (before) w.WriteString("id", s.ClusterSecurityGroupId);
        w.WriteStartArray("ingress");
        GroupRule(w, 443, 443, "tcp", null, s.NodeSecurityGroupId);
        w.WriteEndArray();
        w.WriteString("name", before ? $"eks-cluster-sg-{Scenario.Cluster}" : $"eks-cluster-sg-{Scenario.Cluster}-v2");
        w.WriteString("name_prefix", "");
        if (before) w.WriteString("owner_id", Scenario.Account);
        w.WriteBoolean("revoke_rules_on_delete", false);
        w.WriteNull("timeouts");
        w.WriteString("vpc_id", s.VpcId);
        w.WriteEndObject();
    }

    private static void GroupRule(Utf8JsonWriter w, int from, int to, string protocol, string? cidr, string? group) =>
        SecurityGroupShape.Rule(w, from, to, protocol, cidr, "", group);

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
