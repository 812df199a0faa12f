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

    /// <summary>The node security group plus the 500 application groups the instances use.</summary>
    public static void WriteSecurityGroups(Utf8JsonWriter w, Scenario s)
    {
        w.WriteStartObject();
        w.WriteStartArray("SecurityGroups");
        for (var k = -1; k < 500; k++)
        {
            var id = s.SecurityGroupId(k);
            w.WriteStartObject();
            w.WriteString("Description", k < 0 ? "EKS node shared security group" : $"Application group {k}");
            w.WriteString("GroupName", k < 0 ? "eks-node" : $"app-{k:D3}");
            w.WriteStartArray("IpPermissions");
            foreach (var port in k < 0 ? (int[])[443, 10250, 53] : [443])
                Permission(w, "tcp", port, "10.0.0.0/16", k < 0 ? id : null);
            w.WriteEndArray();
            w.WriteString("OwnerId", Scenario.Account);
            w.WriteString("GroupId", id);
            w.WriteStartArray("IpPermissionsEgress");
            Permission(w, "-1", null, "0.0.0.0/0", null);
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

    /// <summary>One IpPermissions entry: a protocol, an optional port, one CIDR and optionally the group itself.</summary>
    private static void Permission(Utf8JsonWriter w, string protocol, int? port, string cidr, string? selfGroupId)
    {
        w.WriteStartObject();
        if (port is { } from) w.WriteNumber("FromPort", from);
        w.WriteString("IpProtocol", protocol);
        w.WriteStartArray("IpRanges");
        w.WriteStartObject();
        w.WriteString("CidrIp", cidr);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("Ipv6Ranges");
        w.WriteEndArray();
        w.WriteStartArray("PrefixListIds");
        w.WriteEndArray();
        if (port is { } to) w.WriteNumber("ToPort", to);
        w.WriteStartArray("UserIdGroupPairs");
        if (selfGroupId is not null)
        {
            w.WriteStartObject();
            w.WriteString("GroupId", selfGroupId);
            w.WriteString("UserId", Scenario.Account);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
