using System.Text;
using System.Text.Json;

namespace Kalc.Iac.Bench.Generator.Aws;

/// <summary>`aws ec2 describe-instances` pages (NextToken chain, the last page has none), and
/// describe-vpcs, describe-subnets, describe-security-groups. Instances 0..nodes-1 are the cluster's
/// nodes (80% with the kube-node profile, 20% kube-node-gpu); the rest are application instances.</summary>
internal static class Ec2DumpWriter
{
    public static int PageCount(Scenario s) => Math.Max(1, (s.Options.Instances + s.Options.InstancesPerPage - 1) / s.Options.InstancesPerPage);

    public static string NextToken(int page) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($$"""{"NextToken": null, "boto_truncate_amount": {{page}}}"""));

    public static void WriteInstancesPage(Utf8JsonWriter w, Scenario s, int page, int[] planIndexOfInstance)
    {
        var first = page * s.Options.InstancesPerPage;
        var end = Math.Min(s.Options.Instances, first + s.Options.InstancesPerPage);
        w.WriteStartObject();
        w.WriteStartArray("Reservations");
        // Node groups launch 10 instances per reservation, like an Auto Scaling group scaling out.
        for (var r = first; r < end; r += 10)
        {
            w.WriteStartObject();
            w.WriteStartArray("Groups");
            w.WriteEndArray();
            w.WriteStartArray("Instances");
            for (var i = r; i < Math.Min(end, r + 10); i++)
                Instance(w, s, i, planIndexOfInstance[i]);
            w.WriteEndArray();
            w.WriteString("OwnerId", Scenario.Account);
            w.WriteString("RequesterId", "940372691376");
            w.WriteString("ReservationId", "r-0" + s.Det.Hex(r, 110, 16));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (page < PageCount(s) - 1) w.WriteString("NextToken", NextToken(page + 1));
        w.WriteEndObject();
    }

    private static void Instance(Utf8JsonWriter w, Scenario s, int i, int planIndex)
    {
        var node = i < s.Options.Nodes;
        var id = s.InstanceId(i);
        var ip = node ? Scenario.PrivateIp(i) : planIndex >= 0 ? $"10.1.{planIndex % 250}.{planIndex / 250 % 250}" : $"10.2.{i % 250}.{i / 250 % 250}";
        var dns = $"ip-{ip.Replace('.', '-')}.{Scenario.Region}.compute.internal";
        w.WriteStartObject();
        w.WriteNumber("AmiLaunchIndex", i % 10);
        w.WriteString("ImageId", "ami-0" + s.Det.Hex(i % 12, 22, 16));
        w.WriteString("InstanceId", id);
        w.WriteString("InstanceType", node ? (Scenario.IsGpuNode(i) ? "g5.2xlarge" : "m6i.2xlarge") : "m6i.large");
        w.WriteString("KeyName", "ops-2024");
        w.WriteString("LaunchTime", "2026-11-0" + (1 + i % 9) + "T08:00:00+00:00");
        w.WriteStartObject("Monitoring");
        w.WriteString("State", "disabled");
        w.WriteEndObject();
        w.WriteStartObject("Placement");
        w.WriteString("AvailabilityZone", Scenario.Zone(i));
        w.WriteString("GroupName", "");
        w.WriteString("Tenancy", "default");
        w.WriteEndObject();
        w.WriteString("PrivateDnsName", dns);
        w.WriteString("PrivateIpAddress", ip);
        w.WriteStartArray("ProductCodes");
        w.WriteEndArray();
        w.WriteString("PublicDnsName", "");
        w.WriteStartObject("State");
        w.WriteNumber("Code", 16);
        w.WriteString("Name", "running");
        w.WriteEndObject();
        w.WriteString("StateTransitionReason", "");
        w.WriteString("SubnetId", s.SubnetId(i % 3));
        w.WriteString("VpcId", s.VpcId);
        w.WriteString("Architecture", "x86_64");
        w.WriteStartArray("BlockDeviceMappings");
        w.WriteStartObject();
        w.WriteString("DeviceName", "/dev/xvda");
        w.WriteStartObject("Ebs");
        w.WriteString("AttachTime", "2026-11-01T08:00:01+00:00");
        w.WriteBoolean("DeleteOnTermination", true);
        w.WriteString("Status", "attached");
        w.WriteString("VolumeId", "vol-0" + s.Det.Hex(i, 111, 16));
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString("ClientToken", s.Det.Hex(i, 112, 32));
        w.WriteBoolean("EbsOptimized", true);
        w.WriteBoolean("EnaSupport", true);
        w.WriteString("Hypervisor", "xen");
        var profile = node ? (Scenario.IsGpuNode(i) ? Scenario.GpuProfileArn : Scenario.NodeProfileArn)
            : planIndex >= 0 ? $"arn:aws:iam::{Scenario.Account}:instance-profile/svc-{s.Det.Below(planIndex, 23, Math.Max(1, s.Options.Resources)):D6}-profile" : null;
        if (profile is not null)
        {
            w.WriteStartObject("IamInstanceProfile");
            w.WriteString("Arn", profile);
            w.WriteString("Id", s.UniqueId("AIPA", node ? (Scenario.IsGpuNode(i) ? -2 : -1) : 2_000_000 + i, 61));
            w.WriteEndObject();
        }
        w.WriteStartArray("NetworkInterfaces");
        w.WriteStartObject();
        w.WriteString("Description", "");
        w.WriteString("MacAddress", string.Join(':', Enumerable.Range(0, 6).Select(k => s.Det.Hex(i * 6 + k, 113, 2))));
        w.WriteString("NetworkInterfaceId", "eni-0" + s.Det.Hex(i, 114, 16));
        w.WriteString("OwnerId", Scenario.Account);
        w.WriteString("PrivateDnsName", dns);
        w.WriteString("PrivateIpAddress", ip);
        w.WriteBoolean("SourceDestCheck", true);
        w.WriteString("Status", "in-use");
        w.WriteString("SubnetId", s.SubnetId(i % 3));
        w.WriteString("VpcId", s.VpcId);
        w.WriteString("InterfaceType", "interface");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString("RootDeviceName", "/dev/xvda");
        w.WriteString("RootDeviceType", "ebs");
        w.WriteStartArray("SecurityGroups");
        w.WriteStartObject();
        w.WriteString("GroupName", node ? "eks-node" : "app");
        w.WriteString("GroupId", node ? s.NodeSecurityGroupId : s.SecurityGroupId(s.Det.Below(i, 34, 500)));
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteBoolean("SourceDestCheck", true);
        w.WriteStartArray("Tags");
        Tag(w, "Name", node ? $"{Scenario.Cluster}-node" : $"worker-{(planIndex >= 0 ? planIndex : i)}");
        if (node)
        {
            Tag(w, $"kubernetes.io/cluster/{Scenario.Cluster}", "owned");
            Tag(w, "eks:cluster-name", Scenario.Cluster);
            Tag(w, "eks:nodegroup-name", Scenario.IsGpuNode(i) ? "gpu" : "general");
            Tag(w, "aws:autoscaling:groupName", $"eks-{(Scenario.IsGpuNode(i) ? "gpu" : "general")}-{s.Det.Hex(0, 115, 8)}");
        }
        w.WriteEndArray();
        w.WriteString("VirtualizationType", "hvm");
        w.WriteStartObject("MetadataOptions");
        w.WriteString("State", "applied");
        w.WriteString("HttpTokens", "required");
        w.WriteNumber("HttpPutResponseHopLimit", 2);
        w.WriteString("HttpEndpoint", "enabled");
        w.WriteString("InstanceMetadataTags", "disabled");
        w.WriteEndObject();
        w.WriteString("PlatformDetails", "Linux/UNIX");
        w.WriteString("UsageOperation", "RunInstances");
        w.WriteEndObject();
    }

    private static void Tag(Utf8JsonWriter w, string key, string value)
    {
        w.WriteStartObject();
        w.WriteString("Key", key);
        w.WriteString("Value", value);
        w.WriteEndObject();
    }

    public static void WriteVpcs(Utf8JsonWriter w, Scenario s)
    {
        w.WriteStartObject();
        w.WriteStartArray("Vpcs");
        w.WriteStartObject();
        w.WriteString("CidrBlock", "10.0.0.0/16");
        w.WriteString("DhcpOptionsId", "dopt-0" + s.Det.Hex(0, 116, 16));
        w.WriteString("State", "available");
        w.WriteString("VpcId", s.VpcId);
        w.WriteString("OwnerId", Scenario.Account);
        w.WriteString("InstanceTenancy", "default");
        w.WriteBoolean("IsDefault", false);
        w.WriteStartArray("Tags");
        Tag(w, "Name", Scenario.Cluster + "-vpc");
        Tag(w, $"kubernetes.io/cluster/{Scenario.Cluster}", "shared");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteSubnets(Utf8JsonWriter w, Scenario s)
    {
        w.WriteStartObject();
        w.WriteStartArray("Subnets");
        for (var k = 0; k < 6; k++)
        {
            var isPrivate = k < 3;
            w.WriteStartObject();
            w.WriteString("AvailabilityZone", Scenario.Zones[k % 3]);
            w.WriteString("AvailabilityZoneId", $"euw1-az{k % 3 + 1}");
            w.WriteNumber("AvailableIpAddressCount", isPrivate ? 12000 : 4000);
            w.WriteString("CidrBlock", Scenario.SubnetCidr(k));
            w.WriteBoolean("DefaultForAz", false);
            w.WriteBoolean("MapPublicIpOnLaunch", !isPrivate);
            w.WriteString("State", "available");
            w.WriteString("SubnetId", s.SubnetId(k));
            w.WriteString("VpcId", s.VpcId);
            w.WriteString("OwnerId", Scenario.Account);
            w.WriteBoolean("AssignIpv6AddressOnCreation", false);
            w.WriteStartArray("Ipv6CidrBlockAssociationSet");
            w.WriteEndArray();
            w.WriteStartArray("Tags");
            Tag(w, "Name", $"{Scenario.Cluster}-{(isPrivate ? "private" : "public")}-{Scenario.Zones[k % 3]}");
            Tag(w, isPrivate ? "kubernetes.io/role/internal-elb" : "kubernetes.io/role/elb", "1");
            Tag(w, $"kubernetes.io/cluster/{Scenario.Cluster}", "shared");
            w.WriteEndArray();
            w.WriteString("SubnetArn", $"arn:aws:ec2:{Scenario.Region}:{Scenario.Account}:subnet/{s.SubnetId(k)}");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The EKS cluster security group, the node security group (the rules terraform-aws-eks gives it: the API
    /// server and kubelet from the cluster group, DNS and ephemeral ports between nodes) and the 500 application groups the
    /// other instances use, which share the rest of --sg-rules (CIDR and group-reference rules, tcp and udp, and egress).
    /// Every permission has one peer, so the rule count is exact.</summary>
    public static void WriteSecurityGroups(Utf8JsonWriter w, Scenario s)
    {
        var cluster = s.ClusterSecurityGroupId;
        var node = s.NodeSecurityGroupId;
        (string Protocol, int? From, int? To, string? Cidr, string? Group)[] clusterIngress = [("tcp", 443, 443, null, node)];
        (string, int?, int?, string?, string?)[] nodeIngress =
        [
            ("tcp", 443, 443, null, cluster), ("tcp", 10250, 10250, null, cluster), ("tcp", 9443, 9443, null, cluster),
            ("tcp", 53, 53, null, node), ("udp", 53, 53, null, node), ("tcp", 1025, 65535, null, node),
        ];
        var appRules = Math.Max(0, s.Options.SecurityGroupRules - (clusterIngress.Length + 1) - (nodeIngress.Length + 1));
        w.WriteStartObject();
        w.WriteStartArray("SecurityGroups");
        for (var k = -2; k < 500; k++)
        {
            var id = s.SecurityGroupId(k);
            var ingress = k switch
            {
                -2 => clusterIngress,
                -1 => nodeIngress,
                _ => AppIngress(s, k, appRules / 500 + (k < appRules % 500 ? 1 : 0) - 1),
            };
            w.WriteStartObject();
            w.WriteString("Description", k == -2 ? "EKS created security group applied to ENI that is attached to EKS Control Plane master nodes, as well as any managed workloads."
                : k == -1 ? "EKS node shared security group" : $"Application group {k}");
            w.WriteString("GroupName", k == -2 ? $"eks-cluster-sg-{Scenario.Cluster}" : k == -1 ? "eks-node" : $"app-{k:D3}");
            w.WriteStartArray("IpPermissions");
            foreach (var (protocol, from, to, cidr, group) in ingress) Permission(w, protocol, from, to, cidr, group);
            w.WriteEndArray();
            w.WriteString("OwnerId", Scenario.Account);
            w.WriteString("GroupId", id);
            w.WriteStartArray("IpPermissionsEgress");
            Permission(w, "-1", null, null, "0.0.0.0/0", null);
            w.WriteEndArray();
            w.WriteStartArray("Tags");
            if (k < 0) Tag(w, $"kubernetes.io/cluster/{Scenario.Cluster}", "owned");
            w.WriteEndArray();
            w.WriteString("VpcId", s.VpcId);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Application group k's ingress: tcp from a /16, tcp from another application group, udp from a /16, in turn.</summary>
    private static (string, int?, int?, string?, string?)[] AppIngress(Scenario s, int k, int count)
    {
        var rules = new (string, int?, int?, string?, string?)[Math.Max(0, count)];
        for (var r = 0; r < rules.Length; r++)
        {
            var port = 8000 + s.Det.Below(k * 64 + r, 105, 2000);
            rules[r] = (r % 3) switch
            {
                0 => ("tcp", port, port, $"10.{s.Det.Below(k * 64 + r, 106, 4)}.0.0/16", null),
                1 => ("tcp", port, port + 9, null, s.SecurityGroupId(s.Det.Below(k * 64 + r, 107, 500))),
                _ => ("udp", port, port, $"10.{s.Det.Below(k * 64 + r, 108, 4)}.0.0/16", null),
            };
        }
        return rules;
    }

    /// <summary>The EKS cluster the nodes belong to (eks describe-cluster): its cluster security group on the control
    /// plane's ENIs, in the three private subnets.</summary>
    public static void WriteCluster(Utf8JsonWriter w, Scenario s)
    {
        w.WriteStartObject();
        w.WriteStartObject("cluster");
        w.WriteString("name", Scenario.Cluster);
        w.WriteString("arn", $"arn:aws:eks:{Scenario.Region}:{Scenario.Account}:cluster/{Scenario.Cluster}");
        w.WriteString("createdAt", "2023-01-09T10:00:00.000000+00:00");
        w.WriteString("version", "1.30");
        w.WriteString("roleArn", Scenario.RoleArn("eks-cluster-role"));
        w.WriteStartObject("resourcesVpcConfig");
        w.WriteStartArray("subnetIds");
        for (var k = 0; k < 3; k++) w.WriteStringValue(s.SubnetId(k));
        w.WriteEndArray();
        w.WriteStartArray("securityGroupIds");
        w.WriteEndArray();
        w.WriteString("clusterSecurityGroupId", s.ClusterSecurityGroupId);
        w.WriteString("vpcId", s.VpcId);
        w.WriteBoolean("endpointPublicAccess", false);
        w.WriteBoolean("endpointPrivateAccess", true);
        w.WriteEndObject();
        w.WriteStartObject("kubernetesNetworkConfig");
        w.WriteString("serviceIpv4Cidr", "172.20.0.0/16");
        w.WriteString("ipFamily", "ipv4");
        w.WriteEndObject();
        w.WriteStartObject("identity");
        w.WriteStartObject("oidc");
        w.WriteString("issuer", "https://" + Scenario.OidcProvider);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteString("status", "ACTIVE");
        w.WriteString("platformVersion", "eks.8");
        w.WriteStartObject("accessConfig");
        w.WriteString("authenticationMode", "CONFIG_MAP");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>One IpPermissions entry with one peer: a CIDR or a group.</summary>
    private static void Permission(Utf8JsonWriter w, string protocol, int? from, int? to, string? cidr, string? groupId)
    {
        w.WriteStartObject();
        if (from is { } f) w.WriteNumber("FromPort", f);
        w.WriteString("IpProtocol", protocol);
        w.WriteStartArray("IpRanges");
        if (cidr is not null)
        {
            w.WriteStartObject();
            w.WriteString("CidrIp", cidr);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("Ipv6Ranges");
        w.WriteEndArray();
        w.WriteStartArray("PrefixListIds");
        w.WriteEndArray();
        if (to is { } t) w.WriteNumber("ToPort", t);
        w.WriteStartArray("UserIdGroupPairs");
        if (groupId is not null)
        {
            w.WriteStartObject();
            w.WriteString("GroupId", groupId);
            w.WriteString("UserId", Scenario.Account);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
