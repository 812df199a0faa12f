using System.Text.Json;
using Kalc.Iac.Bench.Generator.Plan;

namespace Kalc.Iac.Bench.Generator.Aws;

/// <summary>`aws iam get-account-authorization-details` (one complete page): the system roles the cluster
/// uses, the plan's roles that exist before the change, filler roles up to --roles, and --policies
/// customer-managed policies. aws-cli prints policy documents decoded, as objects.</summary>
internal static class IamDumpWriter
{
    public static void Write(Utf8JsonWriter w, Scenario s)
    {
        w.WriteStartObject();
        w.WriteStartArray("UserDetailList");
        w.WriteEndArray();
        w.WriteStartArray("GroupDetailList");
        w.WriteEndArray();
        w.WriteStartArray("RoleDetailList");
        var written = 0;
        Role(w, s, Scenario.NodeRole, -1, TrustPolicies.Ec2, Scenario.NodeProfile,
            ["arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy", "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy", "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly"]);
        Role(w, s, Scenario.GpuRole, -2, TrustPolicies.Ec2, Scenario.GpuProfile,
            ["arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy", "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy", "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly"]);
        Role(w, s, Scenario.AlbRole, -3, TrustPolicies.Irsa("kube-system", "aws-load-balancer-controller"), null, [Scenario.PolicyArn("AWSLoadBalancerControllerIAMPolicy")]);
        Role(w, s, "ebs-csi-driver", -4, TrustPolicies.Irsa("kube-system", "ebs-csi-controller-sa"), null, ["arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"]);
        Role(w, s, "cluster-autoscaler", -5, TrustPolicies.Irsa("kube-system", "cluster-autoscaler"), null, [Scenario.PolicyArn("ClusterAutoscalerPolicy")]);
        Role(w, s, "external-dns", -6, TrustPolicies.Irsa("kube-system", "external-dns"), null, [Scenario.PolicyArn("ExternalDNSPolicy")]);
        written += Scenario.SystemRoles.Length;
        foreach (var i in s.RolesInState())
        {
            var name = Scenario.PlanRoleName(i);
            var trust = s.Det.Below(i, 40, 3) == 0 ? TrustPolicies.Irsa($"team-{i % 40}", $"app-{i}") : TrustPolicies.Ec2;
            Role(w, s, name, i, trust, s.Det.Below(i, 42, 4) == 0 ? name + "-profile" : null,
                [Scenario.PolicyArn(Scenario.PlanPolicyName(i % Math.Max(1, s.Options.Policies)))]);
            written++;
        }
        for (var k = 0; written < s.Options.Roles; k++, written++)
            Role(w, s, $"unmanaged-{k:D5}", 1_000_000 + k, TrustPolicies.Ec2, null, ["arn:aws:iam::aws:policy/ReadOnlyAccess"]);
        w.WriteEndArray();

        w.WriteStartArray("Policies");
        foreach (var name in (string[])["AWSLoadBalancerControllerIAMPolicy", "ClusterAutoscalerPolicy", "ExternalDNSPolicy"])
            Policy(w, s, name, -name.Length, TrustPolicies.S3ReadWrite("placeholder"));
        for (var k = 0; k < s.Options.Policies; k++)
            Policy(w, s, Scenario.PlanPolicyName(k), k, TrustPolicies.S3ReadWrite($"bench-data-{k % 997}"));
        // aws-cli lists the attached AWS managed policies too, with their documents: the real ones, from fixtures/.
        foreach (var (arn, document) in AwsManagedPolicies.Load())
            Policy(w, s, arn, -arn.Length - 100, document);
        w.WriteEndArray();
        w.WriteBoolean("IsTruncated", false);
        w.WriteEndObject();
    }

    private static void Role(Utf8JsonWriter w, Scenario s, string name, long index, string trust, string? profile, string[] attached)
    {
        w.WriteStartObject();
        RoleIdentity(w, s, name, index, trust);
        w.WriteStartArray("InstanceProfileList");
        if (profile is not null)
        {
            w.WriteStartObject();
            w.WriteString("Path", "/");
            w.WriteString("InstanceProfileName", profile);
            w.WriteString("InstanceProfileId", s.UniqueId("AIPA", index, 61));
            w.WriteString("Arn", $"arn:aws:iam::{Scenario.Account}:instance-profile/{profile}");
            w.WriteString("CreateDate", "2023-01-09T10:00:01+00:00");
            w.WriteStartArray("Roles");
            w.WriteStartObject();
            RoleIdentity(w, s, name, index, trust);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("RolePolicyList");
        w.WriteEndArray();
        w.WriteStartArray("AttachedManagedPolicies");
        foreach (var arn in attached)
        {
            w.WriteStartObject();
            w.WriteString("PolicyName", arn[(arn.LastIndexOf('/') + 1)..]);
            w.WriteString("PolicyArn", arn);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("Tags");
        w.WriteEndArray();
        w.WriteStartObject("RoleLastUsed");
        w.WriteString("LastUsedDate", "2026-11-24T23:59:00+00:00");
        w.WriteString("Region", Scenario.Region);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The members a role has both in RoleDetailList and inside its instance profiles' Roles.</summary>
    private static void RoleIdentity(Utf8JsonWriter w, Scenario s, string name, long index, string trust)
    {
        w.WriteString("Path", "/");
        w.WriteString("RoleName", name);
        w.WriteString("RoleId", s.UniqueId("AROA", index, 41));
        w.WriteString("Arn", Scenario.RoleArn(name));
        w.WriteString("CreateDate", "2023-01-09T10:00:00+00:00");
        w.WritePropertyName("AssumeRolePolicyDocument");
        w.WriteRawValue(trust);
    }

    private static void Policy(Utf8JsonWriter w, Scenario s, string name, long index, string document)
    {
        w.WriteStartObject();
        var arn = name.StartsWith("arn:", StringComparison.Ordinal) ? name : Scenario.PolicyArn(name);
        w.WriteString("PolicyName", arn[(arn.LastIndexOf('/') + 1)..]);
        w.WriteString("PolicyId", s.UniqueId("ANPA", index, 43));
        w.WriteString("Arn", arn);
        w.WriteString("Path", "/");
        w.WriteString("DefaultVersionId", "v1");
        w.WriteNumber("AttachmentCount", 1);
        w.WriteNumber("PermissionsBoundaryUsageCount", 0);
        w.WriteBoolean("IsAttachable", true);
        w.WriteString("CreateDate", "2023-01-09T10:00:00+00:00");
        w.WriteString("UpdateDate", "2023-01-09T10:00:00+00:00");
        w.WriteStartArray("PolicyVersionList");
        w.WriteStartObject();
        w.WritePropertyName("Document");
        w.WriteRawValue(document);
        w.WriteString("VersionId", "v1");
        w.WriteBoolean("IsDefaultVersion", true);
        w.WriteString("CreateDate", "2023-01-09T10:00:00+00:00");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
