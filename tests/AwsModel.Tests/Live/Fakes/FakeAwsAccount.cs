using System.Globalization;
using System.Text;

namespace Kalc.Iac.Tests.Live.Fakes;

/// <summary>Replies of one fake account for every service kalc-iac calls, on one endpoint (as with
/// AWS_ENDPOINT_URL): query-protocol services by Action, EKS by REST path. Small accounts use the real
/// replies in fixtures/aws-api (see its SOURCES.md) and page 2s built in the same shapes; large accounts
/// (bench) are generated. <see cref="Fault"/> lets a test replace any reply.</summary>
internal sealed class FakeAwsAccount
{
    public const string AccountId = "123456789012";

    /// <summary>Extra generated instances, roles and EKS pod identity associations (on top of the fixtures, when used).</summary>
    public int Instances { get; init; } = 3;

    public int Roles { get; init; } = 2;

    public bool UseFixtures { get; init; } = true;

    public int PageSize { get; init; } = 1000;

    /// <summary>Return a reply to replace the account's own, or null to let it answer.</summary>
    public Func<FakeRequest, FakeReply?>? Fault { get; init; }

    public FakeReply Handle(FakeRequest r)
    {
        if (Fault?.Invoke(r) is { } fault) return fault;
        if (r.Method == "GET") return Eks(r);
        return r.Action switch
        {
            "GetCallerIdentity" => FakeReply.Xml(Fixtures.Bytes("aws-api/sts/GetCallerIdentity-iam-user-awsdocs.xml")),
            "DescribeInstances" => DescribeInstances(r.Form["NextToken"]),
            "DescribeSubnets" => FakeReply.Xml(Fixtures.Bytes("aws-api/ec2/DescribeSubnets-libcloud.xml")),
            "DescribeSecurityGroups" => FakeReply.Xml(Fixtures.Bytes("aws-api/ec2/DescribeSecurityGroups-botocore.xml")),
            "DescribeVpcs" => FakeReply.Xml(Fixtures.Bytes("aws-api/ec2/DescribeVpcs-libcloud.xml")),
            "DescribeLaunchTemplateVersions" => FakeReply.Xml(
                "<DescribeLaunchTemplateVersionsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>65cadec1-b364-4354-8ca8-4176dexample</requestId><launchTemplateVersionSet/></DescribeLaunchTemplateVersionsResponse>"),
            "GetAccountAuthorizationDetails" => AuthorizationDetails(r.Form["Marker"]),
            "ListOpenIDConnectProviders" => FakeReply.Xml(Fixtures.Bytes("aws-api/iam/ListOpenIDConnectProviders-awsdocs.xml")),
            "GetOpenIDConnectProvider" => FakeReply.Xml(Fixtures.Bytes("aws-api/iam/GetOpenIDConnectProvider-awsdocs.xml")),
            "DescribeRouteTables" => FakeReply.Xml(Fixtures.Bytes("aws-api/ec2/DescribeRouteTables-botocore.xml")),
            "DescribeNetworkInterfaces" => FakeReply.Xml(Fixtures.Bytes("aws-api/ec2/DescribeNetworkInterfaces-libcloud.xml")),
            "DescribeSecurityGroupRules" => FakeReply.Xml(SecurityGroupRules),
            "DescribeAutoScalingGroups" => FakeReply.Xml(Fixtures.Bytes("aws-api/autoscaling/DescribeAutoScalingGroups-awsdocs.xml")),
            _ => FakeReply.QueryError("InvalidAction", $"The action {r.Action} is not valid for this web service.", 400),
        };
    }

    /// <summary>DescribeSecurityGroupRules in the EC2 query protocol's shape (securityGroupRuleSet of items with
    /// securityGroupRuleId, groupId, isEgress, ipProtocol, ports, cidrIpv4 or referencedGroupInfo; element names from
    /// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_SecurityGroupRule.html): a self-referencing ingress
    /// rule, a tcp 443 ingress from a CIDR and the all-traffic egress.</summary>
    private const string SecurityGroupRules =
        "<DescribeSecurityGroupRulesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>8d1b6b1a-3c2d-4e5f-8a9b-example</requestId><securityGroupRuleSet>" +
        "<item><securityGroupRuleId>sgr-0a1b2c3d4e5f60001</securityGroupRuleId><groupId>sg-13e4607c</groupId><groupOwnerId>123456789012</groupOwnerId><isEgress>false</isEgress>" +
        "<ipProtocol>-1</ipProtocol><fromPort>-1</fromPort><toPort>-1</toPort><referencedGroupInfo><groupId>sg-13e4607c</groupId><userId>123456789012</userId></referencedGroupInfo><tagSet/></item>" +
        "<item><securityGroupRuleId>sgr-0a1b2c3d4e5f60002</securityGroupRuleId><groupId>sg-13e4607c</groupId><groupOwnerId>123456789012</groupOwnerId><isEgress>false</isEgress>" +
        "<ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><cidrIpv4>10.0.0.0/16</cidrIpv4><description>API</description><tagSet/></item>" +
        "<item><securityGroupRuleId>sgr-0a1b2c3d4e5f60003</securityGroupRuleId><groupId>sg-13e4607c</groupId><groupOwnerId>123456789012</groupOwnerId><isEgress>true</isEgress>" +
        "<ipProtocol>-1</ipProtocol><fromPort>-1</fromPort><toPort>-1</toPort><cidrIpv4>0.0.0.0/0</cidrIpv4><tagSet/></item>" +
        "</securityGroupRuleSet></DescribeSecurityGroupRulesResponse>";

    private FakeReply DescribeInstances(string? token)
    {
        var from = token is null ? 0 : int.Parse(token[1..], CultureInfo.InvariantCulture);
        if (token is null && UseFixtures)
        {
            // The real libcloud page, with a nextToken added as EC2 puts it: last child of the root.
            var xml = Fixtures.Text("aws-api/ec2/DescribeInstances-libcloud.xml");
            return FakeReply.Xml(Instances > 0 ? xml.Replace("</DescribeInstancesResponse>", "<nextToken>p0</nextToken></DescribeInstancesResponse>", StringComparison.Ordinal) : xml);
        }
        var to = Math.Min(Instances, from + PageSize);
        var sb = new StringBuilder("<DescribeInstancesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>56d0fffa-8819-4658-bdd7-example</requestId><reservationSet>");
        for (var i = from; i < to; i++) sb.Append(InstanceXml(i));
        sb.Append("</reservationSet>");
        if (to < Instances) sb.Append(string.Create(CultureInfo.InvariantCulture, $"<nextToken>p{to}</nextToken>"));
        sb.Append("</DescribeInstancesResponse>");
        return FakeReply.Xml(sb.ToString());
    }

    public static string InstanceId(int i) => "i-" + (0x0a000000 + i).ToString("x8", CultureInfo.InvariantCulture) + "0000aaaa";

    private static string InstanceXml(int i) => (
        $"<item><reservationId>r-{i:x8}</reservationId><ownerId>{AccountId}</ownerId><groupSet/><instancesSet><item>" +
        $"<instanceId>{InstanceId(i)}</instanceId><imageId>ami-0abcdef1234567890</imageId><instanceState><code>16</code><name>running</name></instanceState>" +
        $"<privateDnsName>ip-10-0-{i / 250}-{i % 250}.ec2.internal</privateDnsName><dnsName/><instanceType>m5.large</instanceType>" +
        $"<launchTime>2024-01-0{1 + (i % 9)}T10:48:59.000Z</launchTime><placement><availabilityZone>us-east-1{(char)('a' + (i % 3))}</availabilityZone><tenancy>default</tenancy></placement>" +
        $"<subnetId>subnet-0{i % 3}aaaaaa</subnetId><vpcId>vpc-0123456789abcdef0</vpcId><privateIpAddress>10.0.{i / 250}.{i % 250}</privateIpAddress>" +
        $"<iamInstanceProfile><arn>arn:aws:iam::{AccountId}:instance-profile/eks-nodes</arn><id>AIPAJ2OWSRNCTEXAMPLE</id></iamInstanceProfile>" +
        $"<groupSet><item><groupId>sg-0123456789abcdef0</groupId><groupName>nodes</groupName></item></groupSet>" +
        $"<tagSet><item><key>Name</key><value>node-{i}</value></item><item><key>kubernetes.io/cluster/prod</key><value>owned</value></item></tagSet>" +
        "</item></instancesSet></item>");

    private FakeReply AuthorizationDetails(string? marker)
    {
        if (marker is null && UseFixtures)
            return FakeReply.Xml(Fixtures.Bytes("aws-api/iam/GetAccountAuthorizationDetails-truncated-awsdocs.xml"));
        var from = marker is null || !marker.StartsWith("m", StringComparison.Ordinal) ? 0 : int.Parse(marker[1..], CultureInfo.InvariantCulture);
        var to = Math.Min(Roles, from + PageSize);
        var sb = new StringBuilder("<GetAccountAuthorizationDetailsResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><GetAccountAuthorizationDetailsResult>");
        sb.Append(string.Create(CultureInfo.InvariantCulture, $"<IsTruncated>{(to < Roles ? "true" : "false")}</IsTruncated>"));
        if (to < Roles) sb.Append(string.Create(CultureInfo.InvariantCulture, $"<Marker>m{to}</Marker>"));
        sb.Append("<UserDetailList/><GroupDetailList/><RoleDetailList>");
        for (var i = from; i < to; i++) sb.Append(RoleXml(i));
        sb.Append("</RoleDetailList><Policies/></GetAccountAuthorizationDetailsResult><ResponseMetadata><RequestId>92e79ae7-7399-11e4-8c85-4b53eEXAMPLE</RequestId></ResponseMetadata></GetAccountAuthorizationDetailsResponse>");
        return FakeReply.Xml(sb.ToString());
    }

    /// <summary>Trust policy URL-encoded as IAM sends it (fixtures/aws-api/iam/GetRole-urlencoded-jclouds.xml).</summary>
    public const string EncodedTrustPolicy =
        "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%22ec2.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D";

    public static string RoleName(int i) => "role-" + i.ToString("d5", CultureInfo.InvariantCulture);

    private static string RoleXml(int i) => (
        $"<member><Path>/</Path><RoleName>{RoleName(i)}</RoleName><RoleId>AROA{i:d8}EXAMPLE</RoleId><Arn>arn:aws:iam::{AccountId}:role/{RoleName(i)}</Arn>" +
        $"<CreateDate>2014-07-30T17:09:20Z</CreateDate><AssumeRolePolicyDocument>{EncodedTrustPolicy}</AssumeRolePolicyDocument>" +
        $"<InstanceProfileList/><RolePolicyList><member><PolicyName>inline</PolicyName><PolicyDocument>%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22ec2%3ADescribe%2A%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D</PolicyDocument></member></RolePolicyList>" +
        $"<AttachedManagedPolicies><member><PolicyName>AmazonEKSWorkerNodePolicy</PolicyName><PolicyArn>arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy</PolicyArn></member></AttachedManagedPolicies>" +
        $"<MaxSessionDuration>3600</MaxSessionDuration><Tags/></member>");

    public const string NodeRoleArn = "arn:aws:iam::" + AccountId + ":role/eks-nodes";

    public const string AdminRoleArn = "arn:aws:iam::" + AccountId + ":role/platform-admin";

    /// <summary>describe-cluster with accessConfig (the docs example predates it): API_AND_CONFIG_MAP.</summary>
    private static string WithAccessConfig(string describeCluster)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(describeCluster)!;
        node["cluster"]!["accessConfig"] = new System.Text.Json.Nodes.JsonObject { ["authenticationMode"] = "API_AND_CONFIG_MAP" };
        return node.ToJsonString();
    }

    private static string AccessEntryJson(string cluster, string principal)
    {
        var node = principal == NodeRoleArn;
        var name = principal[(principal.LastIndexOf('/') + 1)..];
        return "{\"accessEntry\":{\"clusterName\":\"" + cluster + "\",\"principalArn\":\"" + principal + "\",\"kubernetesGroups\":" + (node ? "[\"system:nodes\"]" : "[]") + "," +
            "\"accessEntryArn\":\"arn:aws:eks:us-west-2:" + AccountId + ":access-entry/" + cluster + "/role/" + AccountId + "/" + name + "/a2c6b1d0-1e2f-3a4b-5c6d-7e8f9a0b1c2d\"," +
            "\"createdAt\":1718010000.0,\"modifiedAt\":1718010000.0,\"tags\":{},\"username\":\"" + (node ? "system:node:{{EC2PrivateDNSName}}" : principal) + "\"," +
            "\"type\":\"" + (node ? "EC2_LINUX" : "STANDARD") + "\"}}";
    }

    private static FakeReply Eks(FakeRequest r)
    {
        var parts = r.Path.Trim('/').Split('/');
        return parts switch
        {
            ["clusters"] => FakeReply.Json(Fixtures.Bytes("aws-api/eks/ListClusters-awsdocs.json")),
            ["clusters", var name] => FakeReply.Json(WithAccessConfig(Fixtures.Text("aws-api/eks/DescribeCluster-creating-awsdocs.json").Replace("\"my-cluster\"", $"\"{name}\"", StringComparison.Ordinal))),
            // Access entries (API_ListAccessEntries / API_DescribeAccessEntry / API_ListAssociatedAccessPolicies shapes): the node
            // role's EC2_LINUX entry, and an administrator's STANDARD entry with AmazonEKSClusterAdminPolicy on the whole cluster.
            ["clusters", _, "access-entries"] => FakeReply.Json("{\"accessEntries\":[\"" + NodeRoleArn + "\",\"" + AdminRoleArn + "\"],\"nextToken\":null}"),
            ["clusters", var name, "access-entries", var principal] => FakeReply.Json(AccessEntryJson(name, Uri.UnescapeDataString(principal))),
            ["clusters", var name, "access-entries", var principal, "access-policies"] => FakeReply.Json(
                "{\"clusterName\":\"" + name + "\",\"principalArn\":\"" + Uri.UnescapeDataString(principal) + "\",\"associatedAccessPolicies\":[" +
                (Uri.UnescapeDataString(principal) == AdminRoleArn
                    ? "{\"policyArn\":\"arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy\",\"accessScope\":{\"type\":\"cluster\",\"namespaces\":[]},\"associatedAt\":1718010060.0,\"modifiedAt\":1718010060.0}"
                    : "") + "],\"nextToken\":null}"),
            ["clusters", var name, "pod-identity-associations"] => FakeReply.Json(
                "{\"associations\":[{\"clusterName\":\"" + name + "\",\"namespace\":\"kube-system\",\"serviceAccount\":\"aws-node\"," +
                "\"associationArn\":\"arn:aws:eks:us-west-2:111122223333:podidentityassociation/" + name + "/a-9njjin9gfghecgocd\",\"associationId\":\"a-9njjin9gfghecgocd\"}],\"nextToken\":null}"),
            ["clusters", var name, "pod-identity-associations", var id] => FakeReply.Json(
                "{\"association\":{\"clusterName\":\"" + name + "\",\"namespace\":\"kube-system\",\"serviceAccount\":\"aws-node\",\"roleArn\":\"arn:aws:iam::111122223333:role/my-role\"," +
                "\"associationArn\":\"arn:aws:eks:us-west-2:111122223333:podidentityassociation/" + name + "/" + id + "\",\"associationId\":\"" + id + "\"," +
                "\"tags\":{\"Key1\":\"value1\"},\"createdAt\":1716598334.135,\"modifiedAt\":1716598334.135}}"),
            // The shapes of fixtures/aws/aws-cli/eks_describe-nodegroup.json and eks_describe-addon.json, timestamps as epoch seconds as the wire sends them.
            ["clusters", var name, "node-groups"] => FakeReply.Json("{\"nodegroups\":[\"" + name + "-nodes\"],\"nextToken\":null}"),
            ["clusters", var name, "node-groups", var ng] => FakeReply.Json(
                "{\"nodegroup\":{\"nodegroupName\":\"" + ng + "\",\"clusterName\":\"" + name + "\",\"version\":\"1.29\",\"releaseVersion\":\"1.29.0-20240129\",\"createdAt\":1712590930.555," +
                "\"status\":\"ACTIVE\",\"capacityType\":\"ON_DEMAND\",\"scalingConfig\":{\"minSize\":1,\"maxSize\":3,\"desiredSize\":3},\"instanceTypes\":[\"m5.large\"]," +
                "\"subnets\":[\"subnet-00aaaaaa\",\"subnet-01aaaaaa\"],\"amiType\":\"AL2_x86_64\",\"nodeRole\":\"arn:aws:iam::" + AccountId + ":role/eks-nodes\"," +
                "\"resources\":{\"autoScalingGroups\":[{\"name\":\"eks-" + ng + "-a8c75f2f\"}]},\"updateConfig\":{\"maxUnavailable\":1},\"tags\":{}}}"),
            ["clusters", "prod", "fargate-profiles"] => FakeReply.Json("{\"fargateProfileNames\":[\"system\"],\"nextToken\":null}"),
            ["clusters", _, "fargate-profiles"] => FakeReply.Json("{\"fargateProfileNames\":[],\"nextToken\":null}"),
            ["clusters", var name, "fargate-profiles", var fp] => FakeReply.Json(
                "{\"fargateProfile\":{\"fargateProfileName\":\"" + fp + "\",\"clusterName\":\"" + name + "\",\"createdAt\":1712846572.486," +
                "\"podExecutionRoleArn\":\"arn:aws:iam::" + AccountId + ":role/fargate-pods\",\"subnets\":[\"subnet-00aaaaaa\"]," +
                "\"selectors\":[{\"namespace\":\"kube-system\",\"labels\":{\"k8s-app\":\"kube-dns\"}}],\"status\":\"ACTIVE\",\"tags\":{}}}"),
            ["clusters", _, "addons"] => FakeReply.Json("{\"addons\":[\"vpc-cni\"],\"nextToken\":null}"),
            ["clusters", var name, "addons", var addon] => FakeReply.Json(
                "{\"addon\":{\"addonName\":\"" + addon + "\",\"clusterName\":\"" + name + "\",\"status\":\"ACTIVE\",\"addonVersion\":\"v1.16.4-eksbuild.2\",\"health\":{\"issues\":[]}," +
                "\"createdAt\":1710436725.417,\"modifiedAt\":1710436729.557,\"serviceAccountRoleArn\":\"arn:aws:iam::" + AccountId + ":role/vpc-cni\",\"tags\":{}}}"),
            _ => new FakeReply(404, "application/json", Encoding.UTF8.GetBytes("{\"message\":\"No cluster found\"}")) { Headers = new Dictionary<string, string> { ["x-amzn-ErrorType"] = "ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.eks/" } },
        };
    }
}
