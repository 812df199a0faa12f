using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.PlanParser.Model;
using static Kalc.Iac.Analyzers.Tests.Permissions.EksWorld;
using static Kalc.Iac.Analyzers.Tests.TestWorld;

namespace Kalc.Iac.Analyzers.Tests.Permissions;

public class ComponentLosesActionsTests
{
    private static Finding Only(AnalysisReport report, string ruleId) => Assert.Single(report.Findings, f => f.RuleId == ruleId);

    [Fact]
    public void Detaching_the_CNI_policy_from_the_node_role_breaks_aws_node_when_it_has_no_IRSA_role()
    {
        var plan = Plan(Change("aws_iam_role_policy_attachment", "aws_iam_role_policy_attachment.cni", Delete, Attachment("prod-node", Cni), PlanValue.Null));

        var report = Analyzer.Run(Build(), plan);

        Assert.Equal(Verdict.Breaks, report.Verdict);
        var f = Only(report, "KIAC204");
        Assert.Equal(["aws-node"], f.Impact.Components.ToArray());
        Assert.Equal(Severity.Critical, f.Severity); // essential actions of a DaemonSet on every node
        Assert.Equal("aws_iam_role_policy_attachment.cni", f.Change!.Address);
        Assert.Contains("ec2:AssignPrivateIpAddresses", f.Message);
        Assert.Contains("ec2:CreateNetworkInterface", f.Message);
        Assert.Equal(3, f.Impact.Nodes.Length);
        Assert.Equal(TimeToImpact.Immediate, f.Impact.TimeToImpact);
        Assert.Contains(f.Evidence, e => e.Fact.Contains("before Allow", StringComparison.Ordinal) && e.Fact.Contains("AmazonEKS_CNI_Policy", StringComparison.Ordinal));
        Assert.Contains(f.Evidence, e => e.Fact.Contains("after ImplicitDeny", StringComparison.Ordinal));
        // kubelet keeps ec2:DescribeInstances through AmazonEKSWorkerNodePolicy
        Assert.DoesNotContain(report.Findings, x => x.Impact.Components.Contains("kubelet"));
    }

    [Fact]
    public void Detaching_the_CNI_policy_is_quiet_when_aws_node_has_its_own_IRSA_role()
    {
        var plan = Plan(Change("aws_iam_role_policy_attachment", "aws_iam_role_policy_attachment.cni", Delete, Attachment("prod-node", Cni), PlanValue.Null));

        var report = Analyzer.Run(Build(awsNodeIrsa: true), plan);

        Assert.Empty(report.Findings);
        Assert.Equal(Verdict.Safe, report.Verdict);
    }

    [Fact]
    public void Detaching_a_policy_nobody_in_the_cluster_uses_is_quiet()
    {
        var world = Build(NodeRole(WorkerNode, Cni, EcrReadOnly, Ssm));
        var plan = Plan(Change("aws_iam_role_policy_attachment", "aws_iam_role_policy_attachment.ssm", Delete, Attachment("prod-node", Ssm), PlanValue.Null));

        var report = Analyzer.Run(world, plan);

        Assert.Empty(report.Findings);
        Assert.Equal(Verdict.Safe, report.Verdict);
    }

    [Fact]
    public void Detaching_the_ECR_policy_takes_image_pulls_from_kubelet_on_every_node_and_names_the_workloads_with_private_ecr_images()
    {
        var plan = Plan(Change("aws_iam_role_policy_attachment", "aws_iam_role_policy_attachment.ecr", Delete, Attachment("prod-node", EcrReadOnly), PlanValue.Null));

        var f = Only(Analyzer.Run(Build(), plan), "KIAC204");

        // aws-node and kube-proxy run images from 602401143452.dkr.ecr...; a public.ecr.aws image needs no credentials.
        Assert.Equal(["kubelet", "aws-node", "service-account:kube-system/kube-proxy"], f.Impact.Components.ToArray());
        Assert.Contains("Kubelet pulls their private ECR images with the node's credentials", f.Message);
        Assert.Contains("ecr:BatchGetImage", f.Message);
        Assert.Contains("ecr:GetAuthorizationToken", f.Message);
        Assert.DoesNotContain("ec2:DescribeInstances", f.Message);
        Assert.Equal(["i-0node1", "i-0node2", "i-0node3"], f.Impact.Instances.ToArray());
    }

    [Fact]
    public void Deleting_the_inline_policy_of_an_IRSA_role_breaks_external_dns()
    {
        var plan = Plan(Change("aws_iam_role_policy", "aws_iam_role_policy.external_dns", Delete,
            Obj(("role", "external-dns"), ("name", "external-dns"), ("policy", RepoFixtures.PolicyText("external-dns_aws-route53-policy.json"))), PlanValue.Null));

        var f = Only(Analyzer.Run(Build(), plan), "KIAC204");

        Assert.Equal(["external-dns"], f.Impact.Components.ToArray());
        Assert.Equal(["external-dns/external-dns"], f.Impact.ServiceAccounts.ToArray());
        Assert.Equal(Severity.High, f.Severity);
        Assert.Contains("route53:ChangeResourceRecordSets", f.Message);
    }

    [Fact]
    public void An_added_Deny_names_the_denying_statement()
    {
        const string deny = """{"Version":"2012-10-17","Statement":[{"Sid":"NoEni","Effect":"Deny","Action":"ec2:CreateNetworkInterface","Resource":"*"}]}""";
        var plan = Plan(Change("aws_iam_role_policy", "aws_iam_role_policy.guard", Create, PlanValue.Null,
            Obj(("role", "prod-node"), ("name", "guard"), ("policy", deny))));

        var f = Only(Analyzer.Run(Build(), plan), "KIAC204");

        Assert.Equal(["aws-node"], f.Impact.Components.ToArray());
        Assert.Contains("ec2:CreateNetworkInterface", f.Message);
        Assert.DoesNotContain("ec2:AssignPrivateIpAddresses", f.Message);
        Assert.Contains(f.Evidence, e => e.Fact.Contains("ExplicitDeny", StringComparison.Ordinal) && e.Fact.Contains("'NoEni'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_permissions_boundary_without_EC2_takes_actions_from_every_node_component()
    {
        var boundaryArn = $"arn:aws:iam::{Account}:policy/only-ecr";
        var boundary = Managed(boundaryArn, """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:*","Resource":"*"}]}""");
        var world = Build(extraPolicies: [boundary]);
        var role = world.Aws.Roles.Single(r => r.Name == "prod-node");
        var plan = Plan(Change("aws_iam_role", "aws_iam_role.node", Update, RoleValues(role), RoleValues(role, boundary: new PlanString(boundaryArn))));

        var report = Analyzer.Run(world, plan);

        var losses = report.Findings.Where(f => f.RuleId == "KIAC204").ToList();
        Assert.Contains(losses, f => f.Impact.Components.SequenceEqual(["aws-node"]));
        var kubelet = Assert.Single(losses, f => f.Impact.Components.SequenceEqual(["kubelet"]));
        Assert.Contains("ec2:DescribeInstances", kubelet.Message);
        Assert.DoesNotContain("ecr:", kubelet.Message);
        Assert.All(losses, f => Assert.Equal("aws_iam_role.node", f.Change!.Address));
    }

    [Fact]
    public void A_new_default_version_of_a_customer_policy_that_drops_an_action_is_reported_against_that_policy()
    {
        var arn = $"arn:aws:iam::{Account}:policy/node-extra";
        var v1 = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ec2:DescribeInstances","ec2:DescribeRegions","ecr:GetAuthorizationToken","ecr:BatchGetImage","ecr:GetDownloadUrlForLayer"],"Resource":"*"}]}""";
        var v2 = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ec2:DescribeInstances","ec2:DescribeRegions"],"Resource":"*"}]}""";
        var world = Build(NodeRole(WorkerNode, Cni, arn), extraPolicies: [Managed(arn, v1)]);
        var plan = Plan(Change("aws_iam_policy", "aws_iam_policy.node_extra", Update,
            Obj(("arn", arn), ("name", "node-extra"), ("policy", v1)), Obj(("arn", arn), ("name", "node-extra"), ("policy", v2))));

        var f = Only(Analyzer.Run(world, plan), "KIAC204");

        Assert.Equal("kubelet", f.Impact.Components[0]);
        Assert.Equal("aws_iam_policy.node_extra", f.Change!.Address);
        Assert.Contains("ecr:BatchGetImage", f.Message);
    }

    [Fact]
    public void A_policy_text_known_only_after_apply_makes_the_verdict_incomplete_and_names_the_component()
    {
        var arn = $"arn:aws:iam::{Account}:policy/node-extra";
        var v1 = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ecr:GetAuthorizationToken","ecr:BatchGetImage","ecr:GetDownloadUrlForLayer"],"Resource":"*"}]}""";
        var world = Build(NodeRole(WorkerNode, Cni, arn), extraPolicies: [Managed(arn, v1)]);
        var plan = Plan(Change("aws_iam_policy", "aws_iam_policy.node_extra", Update,
            Obj(("arn", arn), ("name", "node-extra"), ("policy", v1)), Obj(("arn", arn), ("name", "node-extra"), ("policy", new PlanUnknown()))));

        var report = Analyzer.Run(world, plan);

        Assert.Empty(report.Findings);
        Assert.Equal(Verdict.Incomplete, report.Verdict);
        Assert.Contains(report.Missing, m => m.StartsWith("kubelet (role prod-node)", StringComparison.Ordinal) && m.Contains("cannot be known", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_changes_that_each_remove_actions_give_one_finding_each()
    {
        var plan = Plan(
            Change("aws_iam_role_policy_attachment", "aws_iam_role_policy_attachment.cni", Delete, Attachment("prod-node", Cni), PlanValue.Null),
            Change("aws_iam_role_policy_attachment", "aws_iam_role_policy_attachment.ecr", Delete, Attachment("prod-node", EcrReadOnly), PlanValue.Null));

        var report = Analyzer.Run(Build(), plan);

        var losses = report.Findings.Where(f => f.RuleId == "KIAC204").ToList();
        Assert.Equal(2, losses.Count);
        Assert.Contains(losses, f => f.Change!.Address.EndsWith(".cni", StringComparison.Ordinal) && f.Impact.Components.SequenceEqual(["aws-node"]));
        Assert.Contains(losses, f => f.Change!.Address.EndsWith(".ecr", StringComparison.Ordinal) && f.Impact.Components[0] == "kubelet");
    }

    [Fact]
    public void Without_IAM_state_a_policy_change_is_named_as_missing()
    {
        var world = Build() with { Aws = Build().Aws with { Loaded = ImmutableHashSet<Kalc.Iac.AwsModel.Model.AwsStateKind>.Empty, Roles = [], Policies = [] } };
        var plan = Plan(Change("aws_iam_role_policy_attachment", "aws_iam_role_policy_attachment.cni", Delete, Attachment("prod-node", Cni), PlanValue.Null));

        var report = Analyzer.Run(world, plan);

        Assert.Equal(Verdict.Incomplete, report.Verdict);
        Assert.Contains(report.Missing, m => m.StartsWith("AWS IAM state", StringComparison.Ordinal) && m.Contains("aws_iam_role_policy_attachment.cni", StringComparison.Ordinal));
    }

    [Fact]
    public void A_component_on_a_Pod_Identity_role_is_evaluated_against_that_role()
    {
        var plan = Plan(Change("aws_iam_role_policy", "aws_iam_role_policy.ca", Delete,
            Obj(("role", "cluster-autoscaler"), ("name", "ca"), ("policy", "{}")), PlanValue.Null));

        var f = Only(Analyzer.Run(TrustRuleTests.PodIdentityWorld(), plan), "KIAC204");

        Assert.Equal(["cluster-autoscaler"], f.Impact.Components.ToArray());
        Assert.Contains("Pod Identity role cluster-autoscaler", f.Message);
        Assert.Contains("autoscaling:SetDesiredCapacity", f.Message);
        Assert.Equal(Severity.High, f.Severity);
    }

    [Fact]
    public void Actions_lost_only_through_two_changes_together_give_one_finding_naming_both()
    {
        var cniText = RepoFixtures.PolicyText("aws-managed/AmazonEKS_CNI_Policy.json");
        var node = NodeRole(WorkerNode, Cni, EcrReadOnly) with { InlinePolicies = ImmutableDictionary<string, string>.Empty.Add("cni-copy", cniText) };
        var plan = Plan(
            Change("aws_iam_role_policy_attachment", "aws_iam_role_policy_attachment.cni", Delete, Attachment("prod-node", Cni), PlanValue.Null),
            Change("aws_iam_role_policy", "aws_iam_role_policy.cni_copy", Delete, Obj(("role", "prod-node"), ("name", "cni-copy"), ("policy", cniText)), PlanValue.Null));

        var f = Only(Analyzer.Run(Build(node), plan), "KIAC204");

        Assert.Equal(["aws-node"], f.Impact.Components.ToArray());
        Assert.Equal("aws_iam_role_policy_attachment.cni", f.Change!.Address);
        Assert.Contains(f.Evidence, e => e.Fact == "only together with aws_iam_role_policy.cni_copy");
    }
}
