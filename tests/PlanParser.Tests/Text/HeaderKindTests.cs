using Kalc.Iac.PlanParser.Model;
using Kalc.Iac.PlanParser.Terraform.Text;

namespace Kalc.Iac.PlanParser.Tests.Text;

/// <summary>Each resource header wording of Terraform 0.12 to 1.x and OpenTofu becomes the right actions.</summary>
public class HeaderKindTests
{
    [Theory]
    [InlineData("will be created", "+", "create", "NotReplace", null, "Plan: 1 to add, 0 to change, 0 to destroy.")]
    [InlineData("will be destroyed", "-", "delete", "NotReplace", null, "Plan: 0 to add, 0 to change, 1 to destroy.")]
    [InlineData("will be updated in-place", "~", "update", "NotReplace", null, "Plan: 0 to add, 1 to change, 0 to destroy.")]
    [InlineData("must be replaced", "-/+", "delete,create", "DeleteBeforeCreate", "replace_because_cannot_update", "Plan: 1 to add, 0 to change, 1 to destroy.")]
    [InlineData("must be replaced", "+/-", "create,delete", "CreateBeforeDestroy", "replace_because_cannot_update", "Plan: 1 to add, 0 to change, 1 to destroy.")]
    [InlineData("will be replaced, as requested", "-/+", "delete,create", "DeleteBeforeCreate", "replace_by_request", "Plan: 1 to add, 0 to change, 1 to destroy.")]
    [InlineData("is tainted, so must be replaced", "+/-", "create,delete", "CreateBeforeDestroy", "replace_because_tainted", "Plan: 1 to add, 0 to change, 1 to destroy.")]
    [InlineData("will be replaced due to changes in replace_triggered_by", "-/+", "delete,create", "DeleteBeforeCreate", "replace_by_triggers", "Plan: 1 to add, 0 to change, 1 to destroy.")]
    [InlineData("will be read during apply", "<=", "read", "NotReplace", null, "Plan: 0 to add, 0 to change, 0 to destroy.")]
    [InlineData("will be imported", "", "no-op", "NotReplace", null, "Plan: 1 to import, 0 to add, 0 to change, 0 to destroy.")]
    [InlineData("will no longer be managed by Terraform", ".", "forget", "NotReplace", null, "Plan: 0 to add, 0 to change, 0 to destroy, 1 to forget.")]
    [InlineData("will be removed from the OpenTofu state but will not be destroyed", ".", "forget", "NotReplace", null, "Plan: 0 to add, 0 to change, 0 to destroy, 1 to forget.")]
    public void Header_wording_and_marker_give_actions_order_and_reason(string phrase, string marker, string actions, string order, string? reason, string summary)
    {
        var text = $$"""
            Terraform will perform the following actions:

              # module.eks["prod"].aws_iam_role.node[0] {{phrase}}
             {{marker}} resource "aws_iam_role" "node" {
                    name = "node"
                }

            {{summary}}
            """;

        var c = TerraformTextPlanReader.Read(text, "p").Unwrap().ResourceChanges.Single();

        Assert.Equal(actions, string.Join(',', c.Actions.Select(a => a.ToWire())));
        Assert.Equal(order, c.ReplaceOrder.ToString());
        Assert.Equal(reason, c.ActionReason);
        Assert.Equal("module.eks[\"prod\"].aws_iam_role.node[0]", c.Address);
        Assert.Equal(("module.eks[\"prod\"]", "aws_iam_role", "node", "0"), (c.ModuleAddress, c.Type, c.Name, c.Index));
        Assert.Equal(phrase == "will be imported", c.Importing);
    }

    [Fact]
    public void Moved_header_names_the_new_address_and_keeps_the_old()
    {
        const string text = """
              # aws_iam_role.old has moved to aws_iam_role.new
                resource "aws_iam_role" "new" {
                    id = "node"
                    # (3 unchanged attributes hidden)
                }

            Plan: 0 to add, 0 to change, 0 to destroy.
            """;

        var c = TerraformTextPlanReader.Read(text, "p").Unwrap().ResourceChanges.Single();

        Assert.Equal(("aws_iam_role.new", "aws_iam_role.old"), (c.Address, c.PreviousAddress));
        Assert.Equal(ChangeKind.NoOp, c.Kind);
        Assert.False(c.ValuesComplete);
    }

    [Fact]
    public void Deposed_object_of_terraform_0_12_is_a_delete_with_its_key()
    {
        const string text = """
            An execution plan has been generated and is shown below.

              # aws_instance.web (deposed object 1a2b3c4d) will be destroyed
              - resource "aws_instance" "web" {
                  - id = "i-0123" -> null
                }

            Plan: 0 to add, 0 to change, 1 to destroy.
            """;

        var c = TerraformTextPlanReader.Read(text, "p").Unwrap().ResourceChanges.Single();

        Assert.Equal(("aws_instance.web", "1a2b3c4d", ChangeKind.Delete), (c.Address, c.Deposed, c.Kind));
        Assert.Equal("i-0123", c.Before["id"].AsString());
        Assert.True(c.After.IsNull);
    }

    [Theory]
    [InlineData("because key [\"b\"] is not in for_each map", "delete_because_each_key")]
    [InlineData("because index [3] is out of range for count", "delete_because_count_index")]
    [InlineData("because resource does not use count", "delete_because_wrong_repetition")]
    [InlineData("because module.old is not in configuration", "delete_because_no_module")]
    [InlineData("because aws_iam_role.r is not in configuration", "delete_because_no_resource_config")]
    [InlineData("because aws_iam_role.r was moved to aws_iam_role.s, which is not in configuration", "delete_because_no_move_target")]
    [InlineData("because of something new", "because of something new")]
    public void Delete_reasons_map_to_action_reason_names(string because, string expected)
    {
        var text = $$"""
              # aws_iam_role.r["b"] will be destroyed
              # ({{because}})
              - resource "aws_iam_role" "r" {
                  - name = "b" -> null
                }

            Plan: 0 to add, 0 to change, 1 to destroy.
            """;

        Assert.Equal(expected, TerraformTextPlanReader.Read(text, "p").Unwrap().ResourceChanges.Single().ActionReason);
    }

    [Fact]
    public void Drift_headers_go_to_drift_and_are_not_counted()
    {
        const string text = """
            Note: Objects have changed outside of Terraform

              # aws_iam_role.a has been deleted
              - resource "aws_iam_role" "a" {
                  - name = "a" -> null
                }

              # aws_iam_role.b has changed
              ~ resource "aws_iam_role" "b" {
                  ~ name = "b" -> "c"
                }

            No changes. Your infrastructure matches the configuration.
            """;

        var change = TerraformTextPlanReader.Read(text, "p").Unwrap();

        Assert.Empty(change.ResourceChanges);
        Assert.Equal(["aws_iam_role.a delete", "aws_iam_role.b update"], change.Drift.Select(c => $"{c.Address} {c.Kind.ToWire()}"));
    }
}
