using System.Text.Json;
using Kalc.Iac.PlanParser.Model;
using Kalc.Iac.PlanParser.Pulumi;

namespace Kalc.Iac.PulumiPolicy.Tests;

/// <summary>The stack before (pulumi stack export) against the stack after (AnalyzeStack) as resource changes.</summary>
public class StackComparisonTests
{
    private const string Role = "urn:pulumi:prod::p::aws:iam/role:Role::node";
    private const string Profile = "urn:pulumi:prod::p::aws:iam/instanceProfile:InstanceProfile::node";
    private const string Unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private static PulumiStackResource R(string urn, string outputsJson, bool dbr = false)
    {
        var type = urn.Split("::")[2];
        using var doc = JsonDocument.Parse($"{{\"urn\": \"{urn}\", \"type\": \"{type}\", \"custom\": true, \"outputs\": {outputsJson}}}");
        return new PulumiStackResource(urn, type, doc.RootElement.Clone()) { DeleteBeforeReplace = dbr };
    }

    private static ResourceChange Only(Change change, string urn) => Assert.Single(change.ResourceChanges, c => c.Address == urn);

    [Fact]
    public void A_urn_gone_from_the_stack_is_a_delete_and_a_new_one_a_create()
    {
        var before = new[] { R(Profile, "{\"id\": \"node\", \"name\": \"node\", \"role\": \"node-role\"}") };
        var after = new[] { R(Role, "{\"id\": \"node-role\", \"name\": \"node-role\"}") };

        var change = PulumiStackComparison.CompareStacks(before, after, "stack").Unwrap();

        Assert.Equal(InputKind.PulumiStack, change.Kind);
        var deleted = Only(change, Profile);
        Assert.Equal(ChangeKind.Delete, deleted.Kind);
        Assert.Equal("aws_iam_instance_profile", deleted.Type);
        Assert.Equal("node-role", deleted.Before["role"].AsString());
        Assert.Equal(ChangeKind.Create, Only(change, Role).Kind);
    }

    [Fact]
    public void Changed_outputs_are_an_update_with_terraform_names_and_equal_outputs_a_no_op()
    {
        var before = new[] { R(Role, "{\"id\": \"r\", \"arn\": \"arn:aws:iam::1:role/r\", \"assumeRolePolicy\": \"{}\", \"maxSessionDuration\": 3600}"), R(Profile, "{\"id\": \"p\", \"role\": \"r\"}") };
        var after = new[] { R(Role, "{\"id\": \"r\", \"arn\": \"arn:aws:iam::1:role/r\", \"assumeRolePolicy\": \"{\\\"x\\\":1}\", \"maxSessionDuration\": 3600.0}"), R(Profile, "{\"role\": \"r\", \"id\": \"p\"}") };

        var change = PulumiStackComparison.CompareStacks(before, after, "stack").Unwrap();

        var role = Only(change, Role);
        Assert.Equal(ChangeKind.Update, role.Kind);
        Assert.Equal("{\"x\":1}", role.After["assume_role_policy"].AsString());
        Assert.Equal(ChangeKind.NoOp, Only(change, Profile).Kind);
    }

    [Theory]
    [InlineData(false, ReplaceOrder.CreateBeforeDestroy)]
    [InlineData(true, ReplaceOrder.DeleteBeforeCreate)]
    public void An_identity_unknown_or_different_after_is_a_replacement_in_the_order_Pulumi_uses(bool deleteBeforeReplace, ReplaceOrder order)
    {
        var before = new[] { R(Profile, "{\"id\": \"p\", \"arn\": \"arn:aws:iam::1:instance-profile/p\", \"role\": \"r\"}") };
        var after = new[] { R(Profile, $"{{\"id\": \"{Unknown}\", \"arn\": \"{Unknown}\", \"role\": \"r\"}}", deleteBeforeReplace) };

        var change = PulumiStackComparison.CompareStacks(before, after, "stack").Unwrap();

        var profile = Only(change, Profile);
        Assert.Equal(ChangeKind.Replace, profile.Kind);
        Assert.Equal(order, profile.ReplaceOrder);
    }

    [Fact]
    public void Two_secrets_compare_equal_without_being_read()
    {
        const string sig = "\"4dabf18193072939515e22adb298388d\": \"1b47061264138c4ac30d75fd1eb44270\"";
        var before = new[] { R(Role, $"{{\"id\": \"r\", \"description\": {{{sig}, \"ciphertext\": \"AAAA\"}}}}") };
        var after = new[] { R(Role, $"{{\"id\": \"r\", \"description\": {{{sig}}}}}") };

        var change = PulumiStackComparison.CompareStacks(before, after, "stack").Unwrap();

        Assert.Equal(ChangeKind.NoOp, Only(change, Role).Kind);
        Assert.Equal(PlanValue.Sensitive, Only(change, Role).After["description"]);
    }

    [Fact]
    public void Without_the_previous_stack_every_resource_is_an_update_of_unknown_old_values_and_nothing_is_deleted()
    {
        var change = PulumiStackComparison.CompareStacks(null, [R(Role, "{\"id\": \"r\"}")], "stack").Unwrap();

        var role = Only(change, Role);
        Assert.Equal(ChangeKind.Update, role.Kind);
        Assert.True(role.Before.IsNull);
    }

    [Fact]
    public void The_export_reader_leaves_out_resources_pending_deletion_and_names_a_bad_document()
    {
        var export = """
            {"version": 3, "deployment": {"manifest": {}, "resources": [
              {"urn": "urn:pulumi:s::p::aws:iam/role:Role::a", "type": "aws:iam/role:Role", "custom": true, "id": "a"},
              {"urn": "urn:pulumi:s::p::aws:iam/role:Role::a", "type": "aws:iam/role:Role", "custom": true, "id": "old", "delete": true}]}}
            """u8.ToArray();

        var read = PulumiStackExportReader.Read(export, "export.json").Unwrap();
        var bad = PulumiStackExportReader.Read("{\"steps\": []}"u8.ToArray(), "export.json");

        Assert.Equal("a", Assert.Single(read).State.GetProperty("id").GetString());
        Assert.Equal("export.json: not a pulumi stack export output: no \"deployment\"", bad.Error!.ToString());
    }
}
