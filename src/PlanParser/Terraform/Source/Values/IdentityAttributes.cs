namespace Kalc.Iac.PlanParser.Terraform.Source.Values;

/// <summary>For each resource type the analysis reads, the attributes that name what a change acts on (the role a
/// policy is attached to, the cluster an access entry belongs to): the values worth filling in from the configuration
/// when a text plan hides them or shows them as known after apply. Names from the AWS provider's documentation,
/// https://registry.terraform.io/providers/hashicorp/aws/latest/docs.</summary>
public static class IdentityAttributes
{
    private static readonly Dictionary<string, string[]> ByType = new(StringComparer.Ordinal)
    {
        ["aws_iam_role"] = ["name"],
        ["aws_iam_policy"] = ["name"],
        ["aws_iam_role_policy"] = ["role", "name"],
        ["aws_iam_role_policy_attachment"] = ["role", "policy_arn"],
        ["aws_iam_policy_attachment"] = ["roles", "policy_arn"],
        ["aws_iam_role_policies_exclusive"] = ["role_name"],
        ["aws_iam_role_policy_attachments_exclusive"] = ["role_name"],
        ["aws_iam_instance_profile"] = ["name", "role"],
        ["aws_iam_openid_connect_provider"] = ["url"],
        ["aws_eks_cluster"] = ["name"],
        ["aws_eks_access_entry"] = ["cluster_name", "principal_arn"],
        ["aws_eks_pod_identity_association"] = ["cluster_name", "namespace", "service_account", "role_arn"],
        ["aws_eks_addon"] = ["cluster_name", "addon_name", "service_account_role_arn"],
        ["aws_eks_node_group"] = ["cluster_name", "node_group_name", "node_role_arn"],
        ["aws_launch_template"] = ["name"],
        ["aws_autoscaling_group"] = ["name"],
        ["aws_security_group"] = ["name"],
        ["aws_security_group_rule"] = ["security_group_id", "source_security_group_id"],
        ["aws_vpc_security_group_ingress_rule"] = ["security_group_id", "referenced_security_group_id"],
        ["aws_vpc_security_group_egress_rule"] = ["security_group_id", "referenced_security_group_id"],
        ["aws_route"] = ["route_table_id", "destination_cidr_block"],
        ["aws_ec2_tag"] = ["resource_id", "key"],
    };

    public static IReadOnlyList<string> Of(string type) => ByType.TryGetValue(type, out var a) ? a : [];
}
