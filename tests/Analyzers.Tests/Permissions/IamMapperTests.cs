using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.PlanParser.Model;
using static Kalc.Iac.Analyzers.Tests.Permissions.EksWorld;
using static Kalc.Iac.Analyzers.Tests.TestWorld;

namespace Kalc.Iac.Analyzers.Tests.Permissions;

/// <summary>The IAM resource types that set attachments or inline policies exclusively, projected onto the roles.</summary>
public class IamMapperTests
{
    private static PlanList Names(params string[] names) => new([.. names.Select(n => (PlanValue)new PlanString(n))]);

    [Fact]
    public void Destroying_an_aws_iam_policy_attachment_detaches_the_policy_from_every_role_it_lists()
    {
        var plan = Plan(Change("aws_iam_policy_attachment", "aws_iam_policy_attachment.cni", Delete,
            Obj(("name", "cni"), ("policy_arn", Cni), ("roles", Names("prod-node"))), PlanValue.Null));

        var f = Assert.Single(Analyzer.Run(Build(), plan).Findings);

        Assert.Equal("KIAC204", f.RuleId);
        Assert.Equal(["aws-node"], f.Impact.Components.ToArray());
        Assert.Equal("aws_iam_policy_attachment.cni", f.Change!.Address);
    }

    [Fact]
    public void An_aws_iam_policy_attachment_that_keeps_the_role_listed_is_quiet()
    {
        var plan = Plan(Change("aws_iam_policy_attachment", "aws_iam_policy_attachment.cni", Update,
            Obj(("name", "cni"), ("policy_arn", Cni), ("roles", Names("prod-node"))), Obj(("name", "cni"), ("policy_arn", Cni), ("roles", Names("prod-node", "other")))));

        Assert.Empty(Analyzer.Run(Build(), plan).Findings);
    }

    [Fact]
    public void Exclusive_attachments_without_the_CNI_policy_take_it_from_the_node_role()
    {
        var plan = Plan(Change("aws_iam_role_policy_attachments_exclusive", "aws_iam_role_policy_attachments_exclusive.node", Create, PlanValue.Null,
            Obj(("role_name", "prod-node"), ("policy_arns", Names(WorkerNode, EcrReadOnly)))));

        var f = Assert.Single(Analyzer.Run(Build(), plan).Findings);

        Assert.Equal(["aws-node"], f.Impact.Components.ToArray());
    }

    [Fact]
    public void Destroying_the_exclusive_attachments_resource_detaches_nothing()
    {
        var plan = Plan(Change("aws_iam_role_policy_attachments_exclusive", "aws_iam_role_policy_attachments_exclusive.node", Delete,
            Obj(("role_name", "prod-node"), ("policy_arns", Names(WorkerNode, Cni, EcrReadOnly))), PlanValue.Null));

        var report = Analyzer.Run(Build(), plan);

        Assert.Empty(report.Findings);
        Assert.Equal(Verdict.Safe, report.Verdict);
    }

    [Fact]
    public void Exclusive_inline_policies_that_omit_one_delete_it()
    {
        var plan = Plan(Change("aws_iam_role_policies_exclusive", "aws_iam_role_policies_exclusive.dns", Create, PlanValue.Null,
            Obj(("role_name", "external-dns"), ("policy_names", Names()))));

        var f = Assert.Single(Analyzer.Run(Build(), plan).Findings);

        Assert.Equal(["external-dns"], f.Impact.Components.ToArray());
        Assert.Equal("aws_iam_role_policies_exclusive.dns", f.Change!.Address);
    }
}
