using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.AwsModel.Iam;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Tests.Iam;

/// <summary>The role-level question the requirement catalog asks: does role R allow actions A1..An?</summary>
public sealed class RolePermissionIndexTests
{
    private const string Account = "111122223333";
    private const string WorkerNode = "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy";
    private const string Cni = "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy";
    private const string EcrReadOnly = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly";

    private static ManagedPolicy Managed(string arn)
    {
        var name = arn[(arn.LastIndexOf('/') + 1)..];
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoFiles.IamPolicyFixture($"aws-managed/{name}.json")));
        var text = doc.RootElement.GetProperty("PolicyVersion").GetProperty("Document").GetRawText();
        return new ManagedPolicy { Arn = arn, Name = name, Document = text, Source = SourceRef.Of(name + ".json") };
    }

    private static IamRole NodeRole(string name, params string[] attached) => new()
    {
        Arn = $"arn:aws:iam::{Account}:role/{name}",
        Name = name,
        AttachedManagedPolicyArns = [.. attached],
        AssumeRolePolicy = File.ReadAllText(RepoFiles.IamPolicyFixture("trust-policies/eks-node-role-trust-policy.json")),
        Source = SourceRef.Of("authorization-details.json"),
    };

    private static RolePermissionIndex Index(params IamRole[] roles) =>
        new(roles, [Managed(WorkerNode), Managed(Cni), Managed(EcrReadOnly)]);

    [Fact]
    public void Node_role_with_the_eks_managed_policies_allows_what_kubelet_and_aws_node_need()
    {
        var index = Index(NodeRole("eks-node", WorkerNode, Cni, EcrReadOnly));

        var answers = index.Allows("eks-node", ["ec2:DescribeInstances", "ec2:AssignPrivateIpAddresses", "ecr:GetAuthorizationToken", "ecr:PutImage"]);

        Assert.Equal([Decision.Allow, Decision.Allow, Decision.Allow, Decision.ImplicitDeny], answers.Select(a => a.Result.Decision));
        Assert.Equal(["statement 'WorkerNodePermissions' of " + WorkerNode, "statement 'AmazonEKSCNIPolicy' of " + Cni],
            answers[0].Result.Statements.Select(s => s.ToString()));
        Assert.Equal("statement 'AmazonEKSCNIPolicy' of " + Cni, answers[1].Result.Statements.Single().ToString());
    }

    [Fact]
    public void Detaching_the_cni_policy_takes_away_assign_private_ip_addresses()
    {
        var index = Index(NodeRole("eks-node", WorkerNode, EcrReadOnly));

        var result = index.Evaluate($"arn:aws:iam::{Account}:role/eks-node", RequestContext.For("ec2:AssignPrivateIpAddresses"));

        Assert.Equal(Decision.ImplicitDeny, result.Decision);
        Assert.Contains("no identity policy allows ec2:AssignPrivateIpAddresses", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_managed_policy_missing_from_the_state_makes_the_answer_unknown_not_denied()
    {
        var index = Index(NodeRole("eks-node", WorkerNode, "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"));

        var answers = index.Allows("eks-node", ["ssm:UpdateInstanceInformation", "ec2:DescribeInstances"]);

        Assert.All(answers, a => Assert.Equal(Decision.Unknown, a.Result.Decision));
        Assert.Contains("AmazonSSMManagedInstanceCore is attached but its document is not in the AWS state", answers[0].Result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_role_not_in_the_state_is_unknown()
    {
        var result = Index().Evaluate("arn:aws:iam::111122223333:role/ghost", RequestContext.For("ec2:DescribeInstances"));

        Assert.Equal(Decision.Unknown, result.Decision);
        Assert.Contains("not in the AWS state", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Inline_policies_and_the_permissions_boundary_come_from_the_role()
    {
        var boundary = new ManagedPolicy
        {
            Arn = $"arn:aws:iam::{Account}:policy/only-ec2",
            Name = "only-ec2",
            Document = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:*","Resource":"*"}]}""",
            Source = SourceRef.Of("boundary.json"),
        };
        var role = NodeRole("bounded", EcrReadOnly) with
        {
            InlinePolicies = ImmutableDictionary<string, string>.Empty.Add("describe",
                """{"Version":"2012-10-17","Statement":[{"Sid":"Describe","Effect":"Allow","Action":"ec2:Describe*","Resource":"*"}]}"""),
            PermissionsBoundaryArn = boundary.Arn,
        };
        var index = new RolePermissionIndex([role], [Managed(EcrReadOnly), boundary]);

        var answers = index.Allows("bounded", ["ec2:DescribeSubnets", "ecr:GetAuthorizationToken"]);

        Assert.Equal(Decision.Allow, answers[0].Result.Decision);
        Assert.Equal("statement 'Describe' of describe", answers[0].Result.Statements.Single().ToString());
        Assert.Equal(Decision.ImplicitDeny, answers[1].Result.Decision);
        Assert.Contains("permissions boundary", answers[1].Result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Roles_sharing_a_managed_policy_share_one_parsed_document()
    {
        var roles = Enumerable.Range(0, 50).Select(i => NodeRole($"node-{i}", WorkerNode, Cni)).ToArray();
        var index = Index(roles);

        foreach (var r in roles) Assert.Equal(Decision.Allow, index.Allows(r.Name, ["ec2:DescribeInstances"])[0].Result.Decision);

        Assert.Equal(2, index.Documents.Count);
    }

    [Fact]
    public void The_trust_policy_of_a_node_role_lets_ec2_assume_it()
    {
        var index = Index(NodeRole("eks-node", WorkerNode));

        var trust = index.TrustPolicyOf("eks-node")?.Unwrap();

        Assert.NotNull(trust);
        Assert.Equal(Decision.Allow, TrustPolicyEvaluator.CanEc2Assume(trust).Decision);
        Assert.Equal(Decision.ImplicitDeny, TrustPolicyEvaluator.CanPodIdentityAssume(trust, new PodIdentityRequest
        {
            ClusterArn = $"arn:aws:eks:us-west-2:{Account}:cluster/prod",
            ClusterName = "prod",
            Namespace = "kube-system",
            ServiceAccount = "aws-node",
        }).Decision);
    }

    [Fact]
    public void A_condition_the_catalog_question_cannot_settle_is_unknown_with_the_key_named()
    {
        var alb = new ManagedPolicy
        {
            Arn = $"arn:aws:iam::{Account}:policy/AWSLoadBalancerControllerIAMPolicy",
            Name = "AWSLoadBalancerControllerIAMPolicy",
            Document = File.ReadAllText(RepoFiles.IamPolicyFixture("aws-load-balancer-controller_iam_policy.json")),
            Source = SourceRef.Of("alb.json"),
        };
        var role = NodeRole("alb-controller", alb.Arn);
        var index = new RolePermissionIndex([role], [alb]);

        var result = index.Allows("alb-controller", ["elasticloadbalancing:CreateLoadBalancer"])[0].Result;

        Assert.Equal(Decision.Unknown, result.Decision);
        Assert.Contains("aws:RequestTag/elbv2.k8s.aws/cluster", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trust_policy_that_does_not_parse_is_reported_with_the_role_arn()
    {
        var role = NodeRole("broken", WorkerNode) with { AssumeRolePolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":{"Fn::Sub":"ec2.${AWS::URLSuffix}"}},"Action":"sts:AssumeRole"}]}""" };
        var index = Index(role);

        var trust = index.TrustPolicyOf("broken");

        Assert.NotNull(trust);
        Assert.False(trust.Value.IsOk);
        Assert.Equal($"arn:aws:iam::{Account}:role/broken trust policy: Statement[0].Principal.Service must be a string or an array of strings", trust.Value.Error.ToString());
        Assert.Null(index.TrustPolicyOf("ghost"));
    }
}
