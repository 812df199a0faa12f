using Kalc.Iac.AwsModel.Live.Iam;
using Kalc.Iac.AwsModel.Live.Signed;
using Kalc.Iac.Tests.Live.Fakes;

namespace Kalc.Iac.AwsModel.Tests.Live;

public sealed class QueryXmlToJsonTests
{
    [Fact]
    public void A_real_url_encoded_trust_policy_is_decoded_into_a_json_object()
    {
        var (body, next) = QueryXmlToJson.Convert(Fixtures.Bytes("aws-api/iam/GetRole-urlencoded-jclouds.xml"), "GetRole", IamShape.Shape);

        var trust = body["Role"]!["AssumeRolePolicyDocument"]!;
        Assert.Equal("2008-10-17", trust["Version"]!.GetValue<string>());
        Assert.Equal("ec2.amazonaws.com", trust["Statement"]![0]!["Principal"]!["Service"]!.GetValue<string>());
        Assert.Null(next);
    }

    [Fact]
    public void The_docs_page_marker_between_lists_is_taken_as_the_next_token()
    {
        var (body, next) = QueryXmlToJson.Convert(Fixtures.Bytes("aws-api/iam/GetAccountAuthorizationDetails-truncated-awsdocs.xml"), "GetAccountAuthorizationDetails", IamShape.Shape);

        Assert.StartsWith("EXAMPLEkakv9", next, StringComparison.Ordinal);
        Assert.Equal(5, body["UserDetailList"]!.AsArray().Count);
        Assert.IsType<System.Text.Json.Nodes.JsonArray>(body["UserDetailList"]![0]!["AttachedManagedPolicies"]);
    }

    [Fact]
    public void Auto_scaling_numbers_and_booleans_are_typed_and_empty_elements_are_absent()
    {
        var (body, _) = QueryXmlToJson.Convert(Fixtures.Bytes("aws-api/autoscaling/DescribeAutoScalingGroups-awsdocs.xml"), "DescribeAutoScalingGroups",
            Kalc.Iac.AwsModel.Live.AutoScaling.DescribeAutoScalingGroups.Shape);

        var group = body["AutoScalingGroups"]![0]!;
        Assert.Equal(System.Text.Json.JsonValueKind.Number, group["MinSize"]!.GetValueKind());
        Assert.Equal(System.Text.Json.JsonValueKind.False, group["NewInstancesProtectedFromScaleIn"]!.GetValueKind());
        Assert.Null(group.AsObject()["WarmPoolSize"]);
    }

    [Fact]
    public void A_deeply_nested_reply_is_rejected_not_a_stack_overflow()
    {
        var xml = "<GetRoleResponse><GetRoleResult>" + string.Concat(Enumerable.Repeat("<a>", 5000)) + string.Concat(Enumerable.Repeat("</a>", 5000)) + "</GetRoleResult></GetRoleResponse>";
        var e = Assert.Throws<AwsCallException>(() => QueryXmlToJson.Convert(System.Text.Encoding.UTF8.GetBytes(xml), "GetRole", IamShape.Shape));
        Assert.Equal("MalformedResponse", e.Code);
    }
}

public sealed class PagingTokenTests
{
    [Fact]
    public void A_truncated_iam_page_without_a_marker_is_malformed_not_the_last_page()
    {
        var xml = "<ListRolesResponse><ListRolesResult><IsTruncated>true</IsTruncated><Roles/></ListRolesResult></ListRolesResponse>"u8.ToArray();
        var e = Assert.Throws<AwsCallException>(() => QueryXmlToJson.Convert(xml, "ListRoles", IamShape.Shape));
        Assert.Equal("MalformedResponse", e.Code);
    }

    [Fact]
    public void An_explicit_null_eks_next_token_ends_the_chain_and_a_number_is_malformed()
    {
        var (body, next) = Kalc.Iac.AwsModel.Live.Eks.EksJson.Parse(Fixtures.Bytes("aws-api/eks/ListClusters-awsdocs.json"));
        Assert.Null(next);
        Assert.Null(body["nextToken"]);
        Assert.Equal(2, body["clusters"]!.AsArray().Count);

        var e = Assert.Throws<AwsCallException>(() => Kalc.Iac.AwsModel.Live.Eks.EksJson.Parse("{\"clusters\":[],\"nextToken\":7}"u8));
        Assert.Equal("MalformedResponse", e.Code);
    }
}
