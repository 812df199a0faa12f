using System.Text.Json.Nodes;
using Kalc.Iac.AwsModel.Live;
using Kalc.Iac.Core.Live;
using Kalc.Iac.Tests.Live.Fakes;

namespace Kalc.Iac.AwsModel.Tests.Live;

public sealed class LiveAwsReaderTests
{
    [Fact]
    public async Task A_healthy_account_is_read_completely_into_aws_cli_shaped_documents()
    {
        var result = await LiveAwsFixture.ReadAsync(new FakeAwsAccount { Instances = 3, Roles = 2 });

        Assert.Empty(result.Failures);
        Assert.Equal("123456789012", result.Account);
        Assert.Equal("us-west-2", result.Region);
        Assert.Equal(
            [
                "autoscaling_describe-auto-scaling-groups.json",
                "ec2_describe-instances.json",
                "ec2_describe-launch-template-versions.json",
                "ec2_describe-network-interfaces.json",
                "ec2_describe-route-tables.json",
                "ec2_describe-security-group-rules.json",
                "ec2_describe-security-groups.json",
                "ec2_describe-subnets.json",
                "ec2_describe-vpcs.json",
                "eks_describe-access-entry_my-cluster_role_eks-nodes.json",
                "eks_describe-access-entry_my-cluster_role_platform-admin.json",
                "eks_describe-access-entry_prod_role_eks-nodes.json",
                "eks_describe-access-entry_prod_role_platform-admin.json",
                "eks_describe-addon_my-cluster_vpc-cni.json",
                "eks_describe-addon_prod_vpc-cni.json",
                "eks_describe-cluster_my-cluster.json",
                "eks_describe-cluster_prod.json",
                "eks_describe-fargate-profile_prod_system.json",
                "eks_describe-nodegroup_my-cluster_my-cluster-nodes.json",
                "eks_describe-nodegroup_prod_prod-nodes.json",
                "eks_describe-pod-identity-association_my-cluster_a-9njjin9gfghecgocd.json",
                "eks_describe-pod-identity-association_prod_a-9njjin9gfghecgocd.json",
                "eks_list-access-entries_my-cluster.json",
                "eks_list-access-entries_prod.json",
                "eks_list-addons_my-cluster.json",
                "eks_list-addons_prod.json",
                "eks_list-associated-access-policies_my-cluster_role_eks-nodes.json",
                "eks_list-associated-access-policies_my-cluster_role_platform-admin.json",
                "eks_list-associated-access-policies_prod_role_eks-nodes.json",
                "eks_list-associated-access-policies_prod_role_platform-admin.json",
                "eks_list-clusters.json",
                "eks_list-fargate-profiles_my-cluster.json",
                "eks_list-fargate-profiles_prod.json",
                "eks_list-nodegroups_my-cluster.json",
                "eks_list-nodegroups_prod.json",
                "eks_list-pod-identity-associations_my-cluster.json",
                "eks_list-pod-identity-associations_prod.json",
                "iam_get-account-authorization-details.json",
                "iam_get-open-id-connect-provider_server.example.com.json",
                "iam_get-open-id-connect-provider_server.example.org.json",
                "iam_list-open-id-connect-providers.json",
                "sts_get-caller-identity.json",
            ],
            result.Documents.Select(d => d.FileName));
    }

    [Fact]
    public async Task Instance_pages_are_followed_and_merged_into_one_describe_instances_document()
    {
        var result = await LiveAwsFixture.ReadAsync(new FakeAwsAccount { Instances = 7, PageSize = 3 });

        var doc = LiveAwsFixture.Document(result, "ec2_describe-instances.json");
        var ids = doc["Reservations"]!.AsArray().SelectMany(r => r!["Instances"]!.AsArray()).Select(i => i!["InstanceId"]!.GetValue<string>()).ToList();
        // 2 instances on the real libcloud page, then 7 generated over 3 more pages.
        Assert.Equal(9, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains(FakeAwsAccount.InstanceId(6), ids);
        var first = doc["Reservations"]![0]!["Instances"]![0]!.AsObject();
        Assert.Equal("i-4382922a", first["InstanceId"]!.GetValue<string>());
        Assert.Equal("stopped", first["State"]!["Name"]!.GetValue<string>());
        Assert.Equal(80, first["State"]!["Code"]!.GetValue<int>());
        Assert.Null(doc["NextToken"]);
    }

    [Fact]
    public async Task Iam_policy_documents_arrive_url_encoded_and_are_written_as_json_objects()
    {
        var result = await LiveAwsFixture.ReadAsync(new FakeAwsAccount { Roles = 2 });

        var doc = LiveAwsFixture.Document(result, "iam_get-account-authorization-details.json");
        var roles = doc["RoleDetailList"]!.AsArray();
        // EC2role from the AWS docs page 1, then the two roles of page 2.
        Assert.Equal(["EC2role", "role-00000", "role-00001"], roles.Select(r => r!["RoleName"]!.GetValue<string>()));
        var trust = roles[1]!["AssumeRolePolicyDocument"]!.AsObject();
        Assert.Equal("sts:AssumeRole", trust["Statement"]![0]!["Action"]!.GetValue<string>());
        Assert.Equal("ec2:Describe*", roles[1]!["RolePolicyList"]![0]!["PolicyDocument"]!["Statement"]![0]!["Action"]!.GetValue<string>());
        Assert.Equal(3600, roles[1]!["MaxSessionDuration"]!.GetValue<long>());
        Assert.Null(doc["Marker"]);
        Assert.Null(doc["IsTruncated"]);
        Assert.NotNull(doc["UserDetailList"]);
    }

    [Fact]
    public async Task Eks_epoch_timestamps_are_written_as_aws_cli_prints_them()
    {
        var result = await LiveAwsFixture.ReadAsync(new FakeAwsAccount());

        var association = LiveAwsFixture.Document(result, "eks_describe-pod-identity-association_prod_a-9njjin9gfghecgocd.json")["association"]!;
        Assert.Equal("arn:aws:iam::111122223333:role/my-role", association["roleArn"]!.GetValue<string>());
        Assert.Equal("2024-05-25T00:52:14.135000+00:00", association["createdAt"]!.GetValue<string>());
        var cluster = LiveAwsFixture.Document(result, "eks_describe-cluster_prod.json")["cluster"]!;
        Assert.Equal(System.Text.Json.JsonValueKind.String, JsonValueKind(cluster["createdAt"]));
    }

    private static System.Text.Json.JsonValueKind JsonValueKind(JsonNode? node) => node!.GetValueKind();

    [Fact]
    public async Task Every_request_is_signed_with_sigv4_for_its_own_service_and_region()
    {
        var account = new FakeAwsAccount();
        await using var server = new FakeHttpServer(account.Handle);
        await LiveAwsReader.ReadAsync(LiveAwsFixture.Options(server.Url), null, CancellationToken.None);

        var requests = server.Requests.ToList();
        Assert.All(requests, r => Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", r.Authorization));
        Assert.Contains(requests, r => r.Action == "GetAccountAuthorizationDetails" && r.Authorization!.Contains("/us-east-1/iam/aws4_request", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Action == "DescribeInstances" && r.Authorization!.Contains("/us-west-2/ec2/aws4_request", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Method == "GET" && r.Authorization!.Contains("/us-west-2/eks/aws4_request", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Action == "DescribeAutoScalingGroups" && r.Authorization!.Contains("/us-west-2/autoscaling/aws4_request", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Action == "GetAccountAuthorizationDetails" && r.Form["Version"] == "2010-05-08" && r.Form["Filter.member.1"] == "Role");
    }

    [Fact]
    public async Task A_named_cluster_is_read_without_listing_clusters()
    {
        var result = await LiveAwsFixture.ReadAsync(new FakeAwsAccount(), o => o with { ClusterName = "prod" });

        Assert.DoesNotContain(result.Documents, d => d.FileName == "eks_list-clusters.json");
        Assert.Contains(result.Documents, d => d.FileName == "eks_describe-cluster_prod.json");
        Assert.DoesNotContain(result.Documents, d => d.FileName == "eks_describe-cluster_my-cluster.json");
    }

    [Fact]
    public async Task Progress_reports_each_call_starting_and_ending()
    {
        var account = new FakeAwsAccount();
        await using var server = new FakeHttpServer(account.Handle);
        var seen = new System.Collections.Concurrent.ConcurrentQueue<ReadProgress>();
        await LiveAwsReader.ReadAsync(LiveAwsFixture.Options(server.Url), new SyncProgress(seen.Enqueue), CancellationToken.None);

        var instances = seen.Where(p => p.Call == "ec2 describe-instances").ToList();
        Assert.Equal(ReadProgressStage.Started, instances[0].Stage);
        Assert.Equal(ReadProgressStage.Done, instances[^1].Stage);
        Assert.Equal(2, instances[^1].Pages);
        Assert.Equal(5, instances[^1].Items);
    }

    [Fact]
    public async Task Plain_progress_lines_name_the_call_and_the_count()
    {
        var text = new StringWriter();
        var writer = new PlainProgressWriter(text);
        writer.Report(new ReadProgress { Call = "ec2 describe-instances", Stage = ReadProgressStage.Started });
        writer.Report(new ReadProgress { Call = "ec2 describe-instances", Pages = 2, Items = 5, Stage = ReadProgressStage.Page });
        writer.Report(new ReadProgress { Call = "ec2 describe-instances", Pages = 2, Items = 5, Stage = ReadProgressStage.Done });
        await Task.CompletedTask;

        Assert.Equal(["reading ec2 describe-instances ...", "read ec2 describe-instances: 5 item(s) in 2 page(s)"], text.ToString().TrimEnd().Split(Environment.NewLine));
    }
}

/// <summary>Progress that reports on the calling thread (Progress&lt;T&gt; posts to the thread pool, too late for asserts).</summary>
internal sealed class SyncProgress(Action<ReadProgress> report) : IProgress<ReadProgress>
{
    public void Report(ReadProgress value) => report(value);
}
