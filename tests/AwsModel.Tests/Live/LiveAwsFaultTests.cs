using Kalc.Iac.Tests.Live.Fakes;

namespace Kalc.Iac.AwsModel.Tests.Live;

public sealed class LiveAwsFaultTests
{
    [Fact]
    public async Task Throttling_is_retried_and_then_the_read_completes()
    {
        var throttled = 0;
        var account = new FakeAwsAccount
        {
            Fault = r => r.Action == "GetAccountAuthorizationDetails" && Interlocked.Increment(ref throttled) <= 2
                ? FakeReply.QueryError("Throttling", "Rate exceeded", 400)
                : null,
        };
        var result = await LiveAwsFixture.ReadAsync(account);

        Assert.Empty(result.Failures);
        Assert.True(throttled >= 3);
        Assert.Contains(result.Documents, d => d.FileName == "iam_get-account-authorization-details.json");
    }

    [Fact]
    public async Task Access_denied_on_one_action_names_it_and_leaves_its_document_out_but_reads_the_rest()
    {
        var account = new FakeAwsAccount
        {
            Fault = r => r.Action == "GetAccountAuthorizationDetails"
                ? FakeReply.QueryError("AccessDenied", "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: iam:GetAccountAuthorizationDetails", 403)
                : null,
        };
        var result = await LiveAwsFixture.ReadAsync(account);

        var failure = Assert.Single(result.Failures);
        Assert.Equal("iam get-account-authorization-details", failure.Call);
        Assert.Equal("AccessDenied", failure.Code);
        Assert.Contains("IAM roles", failure.Unknown, StringComparison.Ordinal);
        Assert.False(result.IsComplete);
        Assert.DoesNotContain(result.Documents, d => d.FileName.StartsWith("iam_get-account", StringComparison.Ordinal));
        Assert.Contains(result.Documents, d => d.FileName == "ec2_describe-instances.json");
    }

    [Fact]
    public async Task Server_errors_that_persist_end_as_a_failure_after_the_retry_budget()
    {
        var calls = 0;
        var account = new FakeAwsAccount
        {
            Fault = r => r.Action == "DescribeAutoScalingGroups" && Interlocked.Increment(ref calls) > 0
                ? FakeReply.QueryError("InternalFailure", "We encountered an internal error. Please try again.", 500)
                : null,
        };
        var result = await LiveAwsFixture.ReadAsync(account);

        var failure = Assert.Single(result.Failures);
        Assert.Equal("InternalFailure", failure.Code);
        Assert.Equal(3, calls);
        Assert.DoesNotContain(result.Documents, d => d.FileName.StartsWith("autoscaling", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_hanging_call_times_out_and_is_reported_within_bounded_time()
    {
        var account = new FakeAwsAccount { Fault = r => r.Method == "GET" && r.Path == "/clusters" ? FakeReply.Hanging : null };
        var result = await LiveAwsFixture.ReadAsync(account, o => o with { CallTimeout = TimeSpan.FromSeconds(1), Retry = o.Retry with { MaxAttempts = 2 } });

        // A loaded machine may time out other calls too; the hanging one must be among the failures.
        var failure = Assert.Single(result.Failures, f => f.Call == "eks list-clusters");
        Assert.Equal("Timeout", failure.Code);
        Assert.Contains("pod identity", failure.Unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_chain_that_breaks_midway_drops_the_whole_list_so_nothing_unread_looks_absent()
    {
        var account = new FakeAwsAccount
        {
            Instances = 6,
            PageSize = 2,
            Fault = r => r.Action == "DescribeInstances" && r.Form["NextToken"] == "p2"
                ? FakeReply.Ec2Error("InvalidParameterValue", "The nextToken is expired", 400)
                : null,
        };
        var result = await LiveAwsFixture.ReadAsync(account);

        var failure = Assert.Single(result.Failures);
        Assert.Equal("ec2 describe-instances", failure.Call);
        Assert.Equal("InvalidParameterValue", failure.Code);
        Assert.Contains("after 2 page(s)", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Documents, d => d.FileName == "ec2_describe-instances.json");
    }

    [Fact]
    public async Task A_malformed_body_is_a_failure_not_a_crash()
    {
        var account = new FakeAwsAccount
        {
            Fault = r => r.Action == "DescribeAutoScalingGroups" ? FakeReply.Xml("<html><body>502 Bad Gateway</body") : null,
        };
        var result = await LiveAwsFixture.ReadAsync(account);

        var failure = Assert.Single(result.Failures);
        Assert.Equal("autoscaling describe-auto-scaling-groups", failure.Call);
        Assert.Equal("MalformedResponse", failure.Code);
    }

    [Fact]
    public async Task A_malformed_ec2_body_is_a_failure_not_a_crash()
    {
        var account = new FakeAwsAccount { Fault = r => r.Action == "DescribeVpcs" ? FakeReply.Xml("{\"not\": \"xml\"}") : null };
        var result = await LiveAwsFixture.ReadAsync(account);

        var failure = Assert.Single(result.Failures);
        Assert.Equal("ec2 describe-vpcs", failure.Call);
    }

    [Fact]
    public async Task An_eks_error_type_is_read_from_the_header()
    {
        var account = new FakeAwsAccount
        {
            Fault = r => r.Method == "GET" && r.Path.EndsWith("/pod-identity-associations", StringComparison.Ordinal) && r.Path.Contains("/prod/", StringComparison.Ordinal)
                ? FakeReply.Json("{\"message\":\"User is not authorized\"}", 403) with { Headers = new Dictionary<string, string> { ["x-amzn-ErrorType"] = "AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/" } }
                : null,
        };
        var result = await LiveAwsFixture.ReadAsync(account);

        var failure = Assert.Single(result.Failures);
        Assert.Equal("eks list-pod-identity-associations prod", failure.Call);
        Assert.Equal("AccessDeniedException", failure.Code);
        Assert.Contains(result.Documents, d => d.FileName == "eks_describe-cluster_prod.json");
    }

    [Fact]
    public async Task A_marker_that_repeats_is_a_failure_not_an_endless_loop()
    {
        var account = new FakeAwsAccount
        {
            Fault = r => r.Action == "DescribeAutoScalingGroups"
                ? FakeReply.Xml("<DescribeAutoScalingGroupsResponse xmlns=\"https://autoscaling.amazonaws.com/doc/2011-01-01/\"><DescribeAutoScalingGroupsResult><AutoScalingGroups/><NextToken>same</NextToken></DescribeAutoScalingGroupsResult></DescribeAutoScalingGroupsResponse>")
                : null,
        };
        var result = await LiveAwsFixture.ReadAsync(account);

        Assert.Equal("PageLoop", Assert.Single(result.Failures).Code);
    }
}

public sealed class LiveEc2FaultTests
{
    [Fact]
    public async Task Ec2_throttling_is_retried_by_the_sdk_and_then_the_read_completes()
    {
        var throttled = 0;
        var account = new FakeAwsAccount
        {
            Fault = r => r.Action == "DescribeSubnets" && Interlocked.Increment(ref throttled) == 1
                ? FakeReply.Ec2Error("RequestLimitExceeded", "Request limit exceeded.", 503)
                : null,
        };
        var result = await LiveAwsFixture.ReadAsync(account);

        Assert.Empty(result.Failures);
        Assert.Equal(2, throttled);
        Assert.Contains(result.Documents, d => d.FileName == "ec2_describe-subnets.json");
    }

    [Fact]
    public async Task Ec2_access_denied_is_a_named_failure()
    {
        var account = new FakeAwsAccount
        {
            Fault = r => r.Action == "DescribeSecurityGroups"
                ? FakeReply.Ec2Error("UnauthorizedOperation", "You are not authorized to perform this operation.", 403)
                : null,
        };
        var result = await LiveAwsFixture.ReadAsync(account);

        var failure = Assert.Single(result.Failures);
        Assert.Equal("ec2 describe-security-groups", failure.Call);
        Assert.Equal("UnauthorizedOperation", failure.Code);
        Assert.Equal("security groups", failure.Unknown);
    }

    [Fact]
    public async Task A_hanging_ec2_call_times_out()
    {
        var account = new FakeAwsAccount { Fault = r => r.Action == "DescribeVpcs" ? FakeReply.Hanging : null };
        var result = await LiveAwsFixture.ReadAsync(account, o => o with { CallTimeout = TimeSpan.FromSeconds(2), Retry = o.Retry with { MaxAttempts = 1 } });

        var failure = Assert.Single(result.Failures, f => f.Call == "ec2 describe-vpcs");
        Assert.Equal("Timeout", failure.Code);
    }
}
