using Kalc.Iac.PlanParser.Model;
using Kalc.Iac.PlanParser.Terraform.Text;

namespace Kalc.Iac.PlanParser.Tests.Text;

public class RealPlanFixtureTests
{
    public static TheoryData<string> AllTextPlans() =>
        [.. Fixtures.Files("terraform-plans/text", "*.txt").Concat(Fixtures.Files("terraform-plans/paired", "*.txt")).Select(Fixtures.Relative)];

    [Theory]
    [MemberData(nameof(AllTextPlans))]
    public void Every_real_text_plan_is_read_and_every_change_points_back_at_its_header(string file)
    {
        var result = TerraformTextPlanReader.Read(File.ReadAllBytes(Fixtures.Path(file)), file);

        Assert.True(result.IsOk, result.Error?.ToString());
        Assert.Equal(InputKind.TerraformText, result.Value.Kind);
        Assert.NotEmpty(result.Value.Limitations);
        var lines = File.ReadAllText(Fixtures.Path(file)).ReplaceLineEndings("\n").Split('\n');
        foreach (var change in result.Value.ResourceChanges.Concat(result.Value.Drift))
        {
            Assert.Equal(file, change.Source.File);
            var header = lines[change.Source.Line!.Value - 1];
            var printed = change.PreviousAddress is { } previous && !header.Contains(change.Address.Split("] ")[^1], StringComparison.Ordinal)
                ? previous : change.Address;
            Assert.Contains(printed.Split("] ")[^1], header, StringComparison.Ordinal);
        }
    }

    // Expected counts per kind, read off each file's own "Plan:" line and headers.
    [Theory]
    [InlineData("terraform-plans/text/borchero-terraform-plan-comment/0-create-tf1.13.5.txt", "create=1")]
    [InlineData("terraform-plans/text/borchero-terraform-plan-comment/1-modify-tf1.13.5.txt", "replace=2")]
    [InlineData("terraform-plans/text/borchero-terraform-plan-comment/2-delete-tf1.13.5.txt", "delete=2")]
    [InlineData("terraform-plans/text/borchero-terraform-plan-comment/3-remove-tf1.13.5.txt", "forget=1")]
    [InlineData("terraform-plans/text/borchero-terraform-plan-comment/7-create-hundreds-tf1.13.5.txt", "create=300")]
    [InlineData("terraform-plans/text/borchero-terraform-plan-comment/terragrunt-multiplan-tf1.13.5.txt", "create=3")]
    [InlineData("terraform-plans/text/devopsacademyau-academy/tf0.12-era-ansi-iam-refresh-update.txt", "update=1")]
    [InlineData("terraform-plans/text/devopsacademyau-academy/tf0.12-era-apply-log-iam-instance-profile.txt", "create=6")]
    [InlineData("terraform-plans/text/devopsacademyau-academy/tf0.12-era-vpc-mass-replace.txt", "update=1 replace=12")]
    [InlineData("terraform-plans/text/infrahouse-infrahouse-toolkit/aws-asg-update-in-place.txt", "update=2")]
    [InlineData("terraform-plans/text/infrahouse-infrahouse-toolkit/github-for-each-destroy-update-create-ansi.txt", "create=2 update=1 delete=2")]
    [InlineData("terraform-plans/text/infrahouse-infrahouse-toolkit/no-changes-ansi.txt", "")]
    [InlineData("terraform-plans/text/lifeomic-terraform-plan-parser/tf0.11-ansi.txt", "read=1 update=1 replace=2")]
    [InlineData("terraform-plans/text/lifeomic-terraform-plan-parser/tf0.11-ansi-crlf.txt", "read=1 update=1 replace=2")]
    [InlineData("terraform-plans/text/lifeomic-terraform-plan-parser/tf0.11-aws-iam-role.txt", "create=1")]
    [InlineData("terraform-plans/text/lifeomic-terraform-plan-parser/tf0.11-nested-modules.txt", "create=3")]
    [InlineData("terraform-plans/text/lifeomic-terraform-plan-parser/tf0.11-no-changes.txt", "")]
    [InlineData("terraform-plans/text/lifeomic-terraform-plan-parser/tf0.11-tainted.txt", "replace=1")]
    [InlineData("terraform-plans/text/oocx-tfplan2md/azuredevops-plan1-tf1.14.2-nocolor.txt", "create=1 read=1 update=2 delete=1")]
    [InlineData("terraform-plans/text/oocx-tfplan2md/azuredevops-plan2-tf1.14.2-nocolor.txt", "create=2 read=1 update=1 delete=1 replace=1")]
    [InlineData("terraform-plans/text/runatlantis-atlantis/atlantis-comment-tf0.15.1-multi-project.txt", "create=2")]
    [InlineData("terraform-plans/text/runatlantis-atlantis/atlantis-comment-tf1.x.txt", "create=3")]
    [InlineData("terraform-plans/text/suzuki-shunsuke-tfcmt/import-moved-replace-update-1.5plus.txt", "no-op=1 create=1 update=2 replace=1")]
    [InlineData("terraform-plans/text/suzuki-shunsuke-tfcmt/imported-and-moved-only.txt", "no-op=3")]
    [InlineData("terraform-plans/text/suzuki-shunsuke-tfcmt/replace-triggered-by.txt", "update=1 replace=2")]
    public void Real_plans_give_the_changes_their_summary_line_announces(string file, string expected)
    {
        var change = TerraformTextPlanReader.Read(File.ReadAllBytes(Fixtures.Path(file)), file).Unwrap();

        Assert.Equal(expected, Kinds(change));
    }

    [Fact]
    public void Atlantis_projects_keep_their_name_in_front_of_equal_addresses()
    {
        const string file = "terraform-plans/text/runatlantis-atlantis/atlantis-comment-tf0.15.1-multi-project.txt";
        var change = TerraformTextPlanReader.Read(File.ReadAllBytes(Fixtures.Path(file)), file).Unwrap();

        Assert.Equal(["[staging] module.null.null_resource.this", "[production] module.null.null_resource.this"],
            change.ResourceChanges.Select(c => c.Address));
        Assert.All(change.ResourceChanges, c => Assert.Equal("module.null", c.ModuleAddress));
        Assert.Contains(change.Limitations, l => l.Contains("several plans", StringComparison.Ordinal));
    }

    [Fact]
    public void Concatenated_terragrunt_plans_without_prefixes_are_numbered()
    {
        const string file = "terraform-plans/text/borchero-terraform-plan-comment/terragrunt-multiplan-tf1.13.5.txt";
        var change = TerraformTextPlanReader.Read(File.ReadAllBytes(Fixtures.Path(file)), file).Unwrap();

        Assert.Equal(["[plan 1] local_file.cache", "[plan 2] local_file.database", "[plan 3] local_file.server"],
            change.ResourceChanges.Select(c => c.Address));
    }

    [Fact]
    public void Forget_import_and_move_are_told_apart()
    {
        var forget = Read("terraform-plans/text/borchero-terraform-plan-comment/3-remove-tf1.13.5.txt").ResourceChanges.Single();
        Assert.Equal([ChangeAction.Forget], forget.Actions.ToArray());
        Assert.True(forget.After.IsNull);

        var mixed = Read("terraform-plans/text/suzuki-shunsuke-tfcmt/import-moved-replace-update-1.5plus.txt").ResourceChanges;
        var moved = mixed.Single(c => c.Address == "null_resource.bar");
        Assert.Equal("null_resource.foo", moved.PreviousAddress);
        Assert.Equal([ChangeAction.NoOp], moved.Actions.ToArray());
        var replaced = mixed.Single(c => c.Address == "github_issue.test-2");
        Assert.Equal("github_issue.test", replaced.PreviousAddress);
        Assert.Equal(["repository"], replaced.ReplacePaths.ToArray());
        Assert.True(mixed.Single(c => c.Address == "github_repository.tfcmt").Importing);
        Assert.False(replaced.ValuesComplete);
    }

    [Fact]
    public void Delete_and_read_reasons_map_to_terraform_action_reason_names()
    {
        var oocx = Read("terraform-plans/text/oocx-tfplan2md/azuredevops-plan1-tf1.14.2-nocolor.txt").ResourceChanges;
        Assert.Equal("read_because_dependency_pending", oocx.Single(c => c.Mode == "data").ActionReason);
        Assert.Equal("delete_because_no_resource_config", oocx.Single(c => c.Kind == ChangeKind.Delete).ActionReason);

        var github = Read("terraform-plans/text/infrahouse-infrahouse-toolkit/github-for-each-destroy-update-create-ansi.txt").ResourceChanges;
        Assert.All(github.Where(c => c.Kind == ChangeKind.Delete), c => Assert.Equal("delete_because_no_module", c.ActionReason));
        Assert.Equal("module.repos[\"test\"]", github.First(c => c.Kind == ChangeKind.Create).ModuleAddress);

        var triggered = Read("terraform-plans/text/suzuki-shunsuke-tfcmt/replace-triggered-by.txt").ResourceChanges;
        Assert.Equal("replace_by_triggers", triggered.Single(c => c.Address == "terraform_data.example2").ActionReason);
        Assert.Equal("replace_because_tainted", Read("terraform-plans/text/lifeomic-terraform-plan-parser/tf0.11-tainted.txt").ResourceChanges.Single().ActionReason);
    }

    [Fact]
    public void Drift_outside_terraform_is_kept_apart_from_the_planned_changes()
    {
        var change = Read("terraform-plans/paired/opentofu-equivalence/moved_with_drift/plan.txt");

        Assert.Equal(["tfcoremock_simple_resource.base_after"], change.Drift.Select(c => c.Address));
        Assert.Equal(2, change.ResourceChanges.Length);
    }

    internal static Change Read(string file) => TerraformTextPlanReader.Read(File.ReadAllBytes(Fixtures.Path(file)), file).Unwrap();

    internal static string Kinds(Change change) => string.Join(' ', change.ResourceChanges
        .GroupBy(c => c.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key.ToWire()}={g.Count()}"));
}
