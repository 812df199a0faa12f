using Kalc.Iac.PlanParser.Model;
using Kalc.Iac.PlanParser.Terraform.Json;

namespace Kalc.Iac.PlanParser.Tests;

/// <summary>Each action Terraform writes, read from a real plan that has it (or the synthetic deposed plan).</summary>
public class TerraformJsonActionTests
{
    private static Change Read(string file) => TerraformJsonPlanReader.Read(Fixtures.Bytes(file), file).Unwrap();

    private static ResourceChange Single(string file, string address) =>
        Assert.Single(Read(file).ResourceChanges, rc => rc.Address == address && rc.Deposed is null);

    [Fact]
    public void A_tainted_resource_is_replaced_delete_first_and_says_why()
    {
        var rc = Single("terraform-plans/json/hashicorp-terraform-json/replace-tainted-tf1.15.0.json", "null_resource.example");

        Assert.Equal(ChangeKind.Replace, rc.Kind);
        Assert.Equal(ReplaceOrder.DeleteBeforeCreate, rc.ReplaceOrder);
        Assert.Equal("replace_because_tainted", rc.ActionReason);
        Assert.True(rc.RemovesObject);
    }

    [Fact]
    public void A_create_before_destroy_replacement_keeps_its_order_and_does_not_remove_the_object()
    {
        var rc = Single("terraform-plans/json/bridgecrewio-checkov/create-before-destroy-tf1.2.4.json", "aws_secretsmanager_secret.default");

        Assert.Equal([ChangeAction.Create, ChangeAction.Delete], rc.Actions.ToArray());
        Assert.Equal(ChangeKind.Replace, rc.Kind);
        Assert.Equal(ReplaceOrder.CreateBeforeDestroy, rc.ReplaceOrder);
        Assert.False(rc.RemovesObject);
    }

    [Fact]
    public void A_removed_block_with_destroy_false_is_a_forget()
    {
        var rc = Single("terraform-plans/json/borchero-terraform-plan-comment/3-remove-tf1.13.5.json", "local_file.test2");

        Assert.Equal(ChangeKind.Forget, rc.Kind);
        Assert.Equal("delete_because_no_resource_config", rc.ActionReason);
        Assert.False(rc.IsDelete);
    }

    [Fact]
    public void An_import_is_flagged_on_its_change()
    {
        var rc = Single("terraform-plans/json/hashicorp-terraform-json/identity-import-tf1.13.0-dev.json", "corner_user_identity.user");

        Assert.True(rc.Importing);
        Assert.Equal(ChangeKind.Update, rc.Kind);
    }

    [Fact]
    public void A_moved_resource_keeps_its_previous_address()
    {
        var rc = Single("terraform-plans/json/hashicorp-terraform-json/moved-block-tf1.5.3.json", "random_id.test2");

        Assert.Equal("random_id.test", rc.PreviousAddress);
        Assert.Equal(ChangeKind.NoOp, rc.Kind);
    }

    [Fact]
    public void A_deposed_object_is_its_own_delete_next_to_the_replacement_of_the_current_one()
    {
        var change = Read("terraform-plans/synthetic/deposed-and-replace-fmt1.2.json");
        var current = change.ResourceChanges[0];
        var deposed = change.ResourceChanges[1];

        Assert.Equal(current.Address, deposed.Address);
        Assert.Null(current.Deposed);
        Assert.Equal("a1b2c3d4", deposed.Deposed);
        Assert.Equal(ChangeKind.Delete, deposed.Kind);
        Assert.Equal("eks-node-role-older", deposed.Before["role"].AsString());
        Assert.Equal(ReplaceOrder.CreateBeforeDestroy, current.ReplaceOrder);
        Assert.Equal(["role"], current.ReplacePaths.ToArray());
    }

    [Fact]
    public void Module_count_and_for_each_parts_of_the_address_are_split_out()
    {
        var change = Read("terraform-plans/json/hashicorp-terraform-json/basic-tf0.12.11.json");
        var counted = Assert.Single(change.ResourceChanges, rc => rc.Address == "null_resource.baz[0]");
        var inModule = change.ResourceChanges.First(rc => rc.ModuleAddress is not null);
        var data = Assert.Single(change.ResourceChanges, rc => rc.Mode == "data");
        var keyed = Read("terraform-plans/synthetic/deposed-and-replace-fmt1.2.json").ResourceChanges[2];

        Assert.Equal(("null_resource", "baz", "0"), (counted.Type, counted.Name, counted.Index));
        Assert.StartsWith(inModule.ModuleAddress + ".", inModule.Address, StringComparison.Ordinal);
        Assert.Equal(ChangeKind.Read, data.Kind);
        Assert.Equal(("aws_iam_role", "node", "\"blue\"", null), (keyed.Type, keyed.Name, keyed.Index, keyed.ModuleAddress));
    }

    [Fact]
    public void Every_action_kind_in_a_mixed_real_plan_is_counted_once()
    {
        var change = Read("terraform-plans/json/oocx-tfplan2md/azuredevops-plan2-tf1.14.2.json");
        var kinds = change.ResourceChanges.GroupBy(rc => rc.Kind).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(change.ResourceChanges.Length, kinds.Values.Sum());
        Assert.True(kinds.ContainsKey(ChangeKind.Replace));
        Assert.True(kinds.ContainsKey(ChangeKind.Delete));
        Assert.True(kinds.ContainsKey(ChangeKind.Read));
    }

    [Fact]
    public void Replace_paths_with_map_keys_are_rendered_like_terraform_addresses()
    {
        const string file = "terraform-plans/paired/opentofu-equivalence/replace_within_map/plan.json";
        var rc = Assert.Single(Read(file).ResourceChanges);

        Assert.NotEmpty(rc.ReplacePaths);
        Assert.All(rc.ReplacePaths, p => Assert.DoesNotContain(",", p, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"delete\",\"create\"", "delete,create")]
    [InlineData("\"create\",\"delete\"", "create,delete")]
    [InlineData("\"update\",\"delete\"", "update,delete")]
    [InlineData("\"create\",\"delete\",\"update\"", "create,delete,update")]
    public void Actions_are_kept_exactly_as_listed_however_many(string listed, string expected)
    {
        var plan = System.Text.Encoding.UTF8.GetBytes(
            "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"x.y\",\"type\":\"x\",\"name\":\"y\",\"change\":{\"actions\":[" + listed + "]}}]}");

        var rc = Assert.Single(TerraformJsonPlanReader.Read(plan, "p.json").Unwrap().ResourceChanges);

        Assert.Equal(expected, string.Join(",", rc.Actions.Select(ChangeKinds.ToWire)));
    }

    [Fact]
    public void Replace_paths_of_one_or_more_steps_read_as_terraform_writes_them()
    {
        // replace_paths: a list of paths, each a list of steps, attribute names and list indexes
        // (https://developer.hashicorp.com/terraform/internals/json-format#change-representation).
        var plan = System.Text.Encoding.UTF8.GetBytes(
            "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"x.y\",\"type\":\"x\",\"name\":\"y\",\"change\":{\"actions\":[\"delete\",\"create\"]," +
            "\"replace_paths\":[[\"policy_arn\"],[\"tags\",\"Name\"],[\"tags\",\"team name\"],[\"ingress\",0,\"cidr_blocks\"],[0,\"x\"],[],[\"pol\\u0069cy\"]]}}]}");

        var rc = Assert.Single(TerraformJsonPlanReader.Read(plan, "p.json").Unwrap().ResourceChanges);

        Assert.Equal(["policy_arn", "tags.Name", "tags[\"team name\"]", "ingress[0].cidr_blocks", "[0].x", "", "policy"], rc.ReplacePaths.ToArray());
    }
}
