using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.PlanParser.Model;
using static Kalc.Iac.Analyzers.Tests.TestWorld;

namespace Kalc.Iac.Analyzers.Tests;

public class NodeCredentialRuleTests
{
    private static readonly ChangeAction[] Delete = [ChangeAction.Delete];

    private static World KubesprayWorld(out Kalc.Iac.AwsModel.Model.Ec2Instance[] instances)
    {
        var master = Instance("i-0master", "master-profile");
        var w1 = Instance("i-0worker1", "node-profile");
        var w2 = Instance("i-0worker2", "node-profile");
        var bastion = Instance("i-0bastion", null);
        instances = [master, w1, w2, bastion];
        return World(
            [Role("master-role"), Role("node-role")],
            [Profile("master-profile", "master-role"), Profile("node-profile", "node-role")],
            instances,
            [Node(master, controlPlane: true), Node(w1), Node(w2)],
            [DaemonSet("aws-node", "aws-node", "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.18.0"),
             DaemonSet("calico-node", "calico-node", "quay.io/calico/node:v3.27.0")]);
    }

    private static PlanValue ProfileValues(string name, string? role) => Obj(("name", name), ("arn", $"arn:aws:iam::{Account}:instance-profile/{name}"), ("role", role));

    [Fact]
    public void Deleting_the_profile_breaks_kubelet_on_every_node_that_uses_it()
    {
        var world = KubesprayWorld(out _);
        var plan = Plan(Change("aws_iam_instance_profile", "module.iam.aws_iam_instance_profile.node", Delete, ProfileValues("node-profile", "node-role"), PlanValue.Null));

        var report = Analyzer.Run(world, plan);

        Assert.Equal(Verdict.Breaks, report.Verdict);
        var f = Assert.Single(report.Findings);
        Assert.Equal("KIAC101", f.RuleId);
        Assert.Equal(["i-0worker1", "i-0worker2"], f.Impact.Instances.Order());
        Assert.Equal(2, f.Impact.Nodes.Length);
        Assert.Contains("kubelet", f.Impact.Components);
        Assert.Contains("aws-node", f.Impact.Components);
        Assert.DoesNotContain("calico-node", string.Join(",", f.Impact.Components));
        Assert.Equal(TimeToImpact.OnCredentialRefresh, f.Impact.TimeToImpact);
        Assert.Equal("module.iam.aws_iam_instance_profile.node", f.Change!.Address);
        Assert.StartsWith("the plan will destroy", f.Evidence[0].Fact);
    }

    [Fact]
    public void A_node_without_a_provider_id_is_joined_to_its_instance_by_private_dns_name()
    {
        var w1 = Instance("i-0worker1", "node-profile");
        var w2 = Instance("i-0worker2", "node-profile");
        // kubelet without --cloud-provider: no providerID; the node is named after the instance's DNS name (case aside).
        var bare = Node(w1) with { ProviderId = null, Name = w1.PrivateDnsName!.ToUpperInvariant() };
        var world = World([Role("node-role")], [Profile("node-profile", "node-role")], [w1, w2], [bare, Node(w2)]);
        var plan = Plan(Change("aws_iam_instance_profile", "aws_iam_instance_profile.node", Delete, ProfileValues("node-profile", "node-role"), PlanValue.Null));

        var f = Assert.Single(Analyzer.Run(world, plan).Findings);

        Assert.Equal(["i-0worker1", "i-0worker2"], f.Impact.Instances.Order());
        Assert.Contains(bare.Name, f.Impact.Nodes);
    }

    [Fact]
    public void Deleting_the_role_is_immediate_and_names_the_role()
    {
        var world = KubesprayWorld(out _);
        var plan = Plan(Change("aws_iam_role", "aws_iam_role.master", Delete, Obj(("name", "master-role"), ("arn", $"arn:aws:iam::{Account}:role/master-role")), PlanValue.Null));

        var f = Assert.Single(Analyzer.Run(world, plan).Findings);

        Assert.Equal("KIAC102", f.RuleId);
        Assert.Equal(TimeToImpact.Immediate, f.Impact.TimeToImpact);
        Assert.Equal(["i-0master"], f.Impact.Instances.ToArray());
        Assert.Contains("master-role", f.Message);
    }

    [Fact]
    public void Taking_the_role_out_of_the_profile_breaks_on_credential_refresh()
    {
        var world = KubesprayWorld(out _);
        var plan = Plan(Change("aws_iam_instance_profile", "aws_iam_instance_profile.node", [ChangeAction.Update],
            ProfileValues("node-profile", "node-role"), ProfileValues("node-profile", null)));

        var f = Assert.Single(Analyzer.Run(world, plan).Findings);

        Assert.Equal("KIAC102", f.RuleId);
        Assert.Equal(TimeToImpact.OnCredentialRefresh, f.Impact.TimeToImpact);
    }

    [Fact]
    public void Replacing_the_profile_delete_before_create_breaks_the_instances_still_associated_with_the_old_one()
    {
        var world = KubesprayWorld(out _);
        var plan = Plan(Change("aws_iam_instance_profile", "aws_iam_instance_profile.node", [ChangeAction.Delete, ChangeAction.Create],
            ProfileValues("node-profile", "node-role"), Obj(("name", "node-profile"), ("arn", PlanValue.Unknown), ("role", "node-role")), ReplaceOrder.DeleteBeforeCreate));

        var f = Assert.Single(Analyzer.Run(world, plan).Findings);

        Assert.Equal("KIAC101", f.RuleId);
        Assert.Equal(2, f.Impact.Instances.Length);
    }

    [Fact]
    public void Replacing_the_role_without_resetting_the_profile_breaks_but_resetting_it_in_the_same_plan_does_not()
    {
        var world = KubesprayWorld(out _);
        var roleReplace = Change("aws_iam_role", "aws_iam_role.node", [ChangeAction.Delete, ChangeAction.Create],
            Obj(("name", "node-role"), ("arn", $"arn:aws:iam::{Account}:role/node-role")), Obj(("name", "node-role"), ("arn", PlanValue.Unknown)), ReplaceOrder.DeleteBeforeCreate);

        var broken = Analyzer.Run(world, Plan(roleReplace));
        Assert.Equal("KIAC102", Assert.Single(broken.Findings).RuleId);

        var profileReset = Change("aws_iam_instance_profile", "aws_iam_instance_profile.node", [ChangeAction.Update],
            ProfileValues("node-profile", "node-role"), ProfileValues("node-profile", "node-role-v2"));
        var roleRename = roleReplace with { After = Obj(("name", "node-role-v2"), ("arn", PlanValue.Unknown)) };
        var fixedPlan = Analyzer.Run(world, Plan(roleRename, profileReset));
        Assert.Empty(fixedPlan.Findings);
    }

    [Fact]
    public void A_plan_that_touches_nothing_the_cluster_uses_is_safe()
    {
        var world = KubesprayWorld(out _);
        var plan = Plan(
            Change("aws_s3_bucket", "aws_s3_bucket.logs", Delete, Obj(("bucket", "logs")), PlanValue.Null),
            Change("aws_iam_instance_profile", "aws_iam_instance_profile.ci", Delete, ProfileValues("ci-profile", "ci-role"), PlanValue.Null));

        var report = Analyzer.Run(world, plan);

        Assert.Equal(Verdict.Safe, report.Verdict);
        Assert.Empty(report.Missing);
        Assert.Equal(2, report.Changes.Total);
        Assert.Equal(2, report.Changes.Analysed);
        Assert.Equal(0, report.Changes.Unsupported);
    }

    [Fact]
    public void Deleting_a_bucket_a_node_role_names_in_its_policy_is_incomplete_with_why()
    {
        var world = KubesprayWorld(out _);
        var roles = world.Aws.Roles.Select(r => r.Name == "node-role"
            ? r with { InlinePolicies = r.InlinePolicies.Add("logs", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::logs/*"}]}""") }
            : r);
        world = world with { Aws = world.Aws with { Roles = [.. roles] } };
        var plan = Plan(Change("aws_s3_bucket", "aws_s3_bucket.logs", Delete, Obj(("bucket", "logs"), ("arn", "arn:aws:s3:::logs")), PlanValue.Null));

        var report = Analyzer.Run(world, plan);

        Assert.Equal(Verdict.Incomplete, report.Verdict);
        Assert.Equal(1, report.Changes.Unsupported);
        var why = Assert.Single(report.Missing);
        Assert.StartsWith("aws_s3_bucket.logs changes arn:aws:s3:::logs, named in a policy of role node-role", why);
        Assert.EndsWith("aws_s3_bucket changes are not analysed", why);
    }

    [Theory]
    [InlineData("arn:aws:s3:::logs/*")]
    [InlineData("arn:aws:s3:::logs")]
    [InlineData("arn:aws:s3:::lo?s")]
    public void A_bucket_named_only_by_its_name_is_found_in_a_node_role_policy_that_names_it_or_its_objects(string resource)
    {
        // A text plan shows the bucket's name, not its ARN: the footprint puts the ARN together to look it up.
        var world = KubesprayWorld(out _);
        var roles = world.Aws.Roles.Select(r => r.Name == "node-role"
            ? r with { InlinePolicies = r.InlinePolicies.Add("logs", $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"{{resource}}"}]}""") }
            : r);
        world = world with { Aws = world.Aws with { Roles = [.. roles] } };
        var plan = Plan(
            Change("aws_s3_bucket", "aws_s3_bucket.logs", Delete, Obj(("bucket", "logs")), PlanValue.Null),
            Change("aws_s3_bucket", "aws_s3_bucket.other", Delete, Obj(("bucket", "logs-archive")), PlanValue.Null));

        var report = Analyzer.Run(world, plan);

        Assert.Equal(Verdict.Incomplete, report.Verdict);
        Assert.Equal(1, report.Changes.Unsupported);
        var why = Assert.Single(report.Missing);
        Assert.StartsWith("aws_s3_bucket.logs changes arn:aws:s3:::logs, named in a policy of role node-role", why);
    }

    [Fact]
    public void Without_instance_state_a_profile_deletion_is_incomplete_not_safe()
    {
        var world = KubesprayWorld(out _);
        world = world with { Aws = world.Aws with { Loaded = [Kalc.Iac.AwsModel.Model.AwsStateKind.Iam], Instances = [] } };
        var plan = Plan(Change("aws_iam_instance_profile", "aws_iam_instance_profile.node", Delete, ProfileValues("node-profile", "node-role"), PlanValue.Null));

        var report = Analyzer.Run(world, plan);

        Assert.Equal(Verdict.Incomplete, report.Verdict);
        Assert.Contains(report.Missing, m => m.Contains("describe-instances", StringComparison.Ordinal));
    }

    [Fact]
    public void Workloads_with_their_own_IRSA_role_are_not_named()
    {
        var world = KubesprayWorld(out _);
        var sa = new Kalc.Iac.KubeModel.Model.ServiceAccount
        {
            Namespace = "kube-system", Name = "aws-node", Source = Kalc.Iac.Core.SourceRef.Of("t"),
            Annotations = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("eks.amazonaws.com/role-arn", $"arn:aws:iam::{Account}:role/cni"),
        };
        world = world with { Kube = world.Kube with { ServiceAccounts = [sa] } };
        var plan = Plan(Change("aws_iam_instance_profile", "aws_iam_instance_profile.node", Delete, ProfileValues("node-profile", "node-role"), PlanValue.Null));

        var f = Assert.Single(Analyzer.Run(world, plan).Findings);

        Assert.DoesNotContain("aws-node", f.Impact.Components);
        Assert.Contains("kubelet", f.Impact.Components);
    }

    [Fact]
    public void Without_Kubernetes_state_nodes_are_inferred_from_EC2_tags_and_the_report_says_so()
    {
        var world = KubesprayWorld(out _);
        world = world with { Kube = Kalc.Iac.KubeModel.Model.KubeState.Empty };
        var plan = Plan(Change("aws_iam_instance_profile", "aws_iam_instance_profile.node", Delete, ProfileValues("node-profile", "node-role"), PlanValue.Null));

        var report = Analyzer.Run(world, plan);

        var f = Assert.Single(report.Findings);
        Assert.Equal(2, f.Impact.Nodes.Length);
        Assert.Contains(report.Notes, n => n.Contains("inferred from EC2 tags", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_change_is_accounted_for()
    {
        var world = KubesprayWorld(out _);
        var plan = Plan(
            Change("aws_s3_bucket", "aws_s3_bucket.a", Delete, Obj(("bucket", "a")), PlanValue.Null),
            Change("aws_iam_role", "aws_iam_role.x", [ChangeAction.Create], PlanValue.Null, Obj(("name", PlanValue.Unknown), ("arn", PlanValue.Unknown))),
            Change("aws_iam_instance_profile", "aws_iam_instance_profile.node", Delete, ProfileValues("node-profile", "node-role"), PlanValue.Null));

        var s = Analyzer.Run(world, plan).Changes;

        Assert.Equal(3, s.Total);
        Assert.Equal(s.Total, s.Analysed + s.Unsupported + s.Unknown);
        Assert.Equal(2, s.ByAction[ChangeKind.Delete]);
        Assert.Equal(1, s.ByAction[ChangeKind.Create]);
    }

    [Fact]
    public void Without_state_the_missing_lines_name_the_changes_in_a_sentence_however_many()
    {
        var profiles = Enumerable.Range(0, 5).Select(i =>
            Change("aws_iam_instance_profile", $"aws_iam_instance_profile.p{i}", Delete, ProfileValues($"p{i}", "node-role"), PlanValue.Null)).ToArray();

        var missing = Analyzer.Run(new World(Kalc.Iac.AwsModel.Model.AwsState.Empty, Kalc.Iac.KubeModel.Model.KubeState.Empty), Plan(profiles)).Missing;

        Assert.Contains(missing, m => m.StartsWith("EC2 instances (aws ec2 describe-instances): needed to judge aws_iam_instance_profile.p0 and 4 other changes (KIAC101", StringComparison.Ordinal));
        Assert.DoesNotContain(missing, m => m.Contains("changes changes", StringComparison.Ordinal));
    }
}
