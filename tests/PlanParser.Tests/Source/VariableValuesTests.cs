using System.Collections.Immutable;
using Kalc.Iac.PlanParser.Model;
using Kalc.Iac.PlanParser.Terraform.Source;
using Kalc.Iac.PlanParser.Terraform.Source.Values;
using Kalc.Iac.PlanParser.Terraform.Text;

namespace Kalc.Iac.PlanParser.Tests.Source;

/// <summary>Root variable values from TF_VAR_*, .tfvars, .tfvars.json, *.auto.tfvars and var files, with Terraform's
/// precedence, and the configuration evaluated with them to fill a text plan's hidden identities.</summary>
public sealed class VariableValuesTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("kalc-tfvars-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private void Write(string relative, string text)
    {
        var full = Path.Combine(dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private TerraformConfiguration Config() => TerraformConfiguration.Load(dir, dir).Unwrap();

    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Later_sources_win_env_then_terraform_tfvars_then_json_then_auto_files_in_name_order_then_var_files_in_order()
    {
        Write("variables.tf", string.Concat("abcdef".Select(c => $"variable \"{c}\" {{}}\n")));
        Write("terraform.tfvars", "b = \"tfvars\"\nc = \"tfvars\"\nd = \"tfvars\"\ne = \"tfvars\"\nf = \"tfvars\"\n");
        Write("terraform.tfvars.json", "{\n  \"c\": \"json\",\n  \"d\": \"json\",\n  \"e\": \"json\",\n  \"f\": \"json\"\n}\n");
        Write("b.auto.tfvars", "d = \"b.auto\"\ne = \"b.auto\"\nf = \"b.auto\"\n");
        Write("a.auto.tfvars.json", "{\"d\": \"a.auto\", \"e\": \"a.auto\"}");
        Write("one.tfvars", "e = \"one\"\nf = \"one\"\n");
        Write("two.tfvars", "f = \"two\"\n");
        var env = Env(("TF_VAR_a", "env"), ("TF_VAR_b", "env"), ("TF_VAR_f", "env"));

        var values = RootVariableValues.Load(Config(), [Path.Combine(dir, "one.tfvars"), Path.Combine(dir, "two.tfvars")], env).Unwrap().Values;

        Assert.Equal(["env", "tfvars", "json", "b.auto", "one", "two"], "abcdef".Select(c => values[c.ToString()].Value.AsString()));
        Assert.Equal("TF_VAR_a", values["a"].Origin.Where);
        Assert.Equal("terraform.tfvars:1", values["b"].Origin.Where);
        Assert.Equal("terraform.tfvars.json:2", values["c"].Origin.Where);
        Assert.Equal("b.auto.tfvars:1", values["d"].Origin.Where);
        Assert.Equal("two.tfvars:1", values["f"].Origin.Where);
    }

    [Fact]
    public void An_environment_value_is_literal_for_strings_and_HCL_for_collections_and_undeclared_names_are_ignored()
    {
        Write("variables.tf", "variable \"name\" { type = string }\nvariable \"tags\" { type = map(string) }\n");
        Write("terraform.tfvars", "other = \"x\"\n");

        var values = RootVariableValues.Load(Config(), [], Env(("TF_VAR_name", "[\"a\"]"), ("TF_VAR_tags", "{team = \"core\"}"))).Unwrap().Values;

        Assert.Equal("[\"a\"]", values["name"].Value.AsString());
        Assert.Equal("core", values["tags"].Value["team"].AsString());
        Assert.False(values.ContainsKey("other"));
    }

    [Fact]
    public void A_broken_var_file_is_an_error_at_its_line_and_a_missing_one_is_named()
    {
        Write("variables.tf", "variable \"a\" {}\n");
        Write("bad.tfvars", "a = \"x\"\nb = \n");

        var bad = RootVariableValues.Load(Config(), [Path.Combine(dir, "bad.tfvars")], Env());
        var missing = RootVariableValues.Load(Config(), [Path.Combine(dir, "nope.tfvars")], Env());

        Assert.False(bad.IsOk);
        Assert.Equal(("bad.tfvars", 2), (bad.Error!.File, bad.Error.Line));
        Assert.Contains("no such file", missing.Error!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_module_variable_takes_the_callers_argument_evaluated_with_the_root_values_locals_and_functions()
    {
        Write("main.tf", """
            locals { prefix = lower(var.cluster_name) }
            module "nodes" {
              source = "./modules/nodes"
              role_name = format("%s-%s", local.prefix, "node")
            }
            """);
        Write("variables.tf", "variable \"cluster_name\" { type = string }\n");
        Write("terraform.tfvars", "cluster_name = \"Prod-EU\"\n");
        Write("modules/nodes/main.tf", """
            variable "role_name" {}
            variable "policies" { default = { cni = "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy" } }
            resource "aws_iam_role" "this" { name = var.role_name }
            resource "aws_iam_role_policy_attachment" "this" {
              for_each   = var.policies
              role       = aws_iam_role.this.name
              policy_arn = each.value
            }
            """);
        var config = Config();
        var values = new ConfigurationValues(config, RootVariableValues.Load(config, [], Env()).Unwrap());

        var role = values.Attribute("module.nodes.aws_iam_role_policy_attachment.this[\"cni\"]", "role");
        var policy = values.Attribute("module.nodes.aws_iam_role_policy_attachment.this[\"cni\"]", "policy_arn");

        Assert.Equal("prod-eu-node", role?.Value.AsString());
        Assert.Equal("modules/nodes/main.tf", role?.Site.File);
        Assert.Equal(["var.cluster_name from terraform.tfvars:1"], role!.Origins.Select(o => o.ToString()));
        Assert.Equal("arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy", policy?.Value.AsString());
        Assert.Contains(policy!.Origins, o => o.Where.StartsWith("its default at modules/nodes/main.tf:2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_module_output_is_evaluated_in_the_module_it_comes_from()
    {
        Write("main.tf", """
            variable "cluster_name" {}
            module "iam" {
              source = "./iam"
              prefix = var.cluster_name
            }
            resource "aws_iam_role_policy_attachment" "cni" { role = module.iam.node_role_name }
            resource "aws_iam_role_policy_attachment" "arn" { role = module.iam.node_role_arn }
            """);
        Write("iam/main.tf", """
            variable "prefix" {}
            resource "aws_iam_role" "node" { name = "${var.prefix}-node" }
            output "node_role_name" { value = aws_iam_role.node.name }
            output "node_role_arn" { value = aws_iam_role.node.arn }
            """);
        var config = Config();
        var values = new ConfigurationValues(config, RootVariableValues.Load(config, [], Env(("TF_VAR_cluster_name", "prod"))).Unwrap());

        Assert.Equal("prod-node", values.Attribute("aws_iam_role_policy_attachment.cni", "role")?.Value.AsString());
        Assert.IsType<PlanUnknown>(values.Attribute("aws_iam_role_policy_attachment.arn", "role")?.Value);
    }

    [Fact]
    public void What_depends_on_a_computed_attribute_a_data_source_or_a_sensitive_variable_stays_unknown_or_sensitive()
    {
        Write("main.tf", """
            variable "secret" { sensitive = true }
            resource "aws_iam_role" "a" { name_prefix = "x" }
            resource "aws_iam_role" "b" { name = aws_iam_role.a.name }
            resource "aws_iam_role" "c" { name = data.aws_caller_identity.me.account_id }
            resource "aws_iam_role" "d" { name = "${var.secret}-role" }
            """);
        Write("terraform.tfvars", "secret = \"hunter2\"\n");
        var config = Config();
        var values = new ConfigurationValues(config, RootVariableValues.Load(config, [], Env()).Unwrap());

        Assert.IsType<PlanUnknown>(values.Attribute("aws_iam_role.b", "name")?.Value);
        Assert.IsType<PlanUnknown>(values.Attribute("aws_iam_role.c", "name")?.Value);
        Assert.IsType<PlanSensitive>(values.Attribute("aws_iam_role.d", "name")?.Value);
        Assert.Null(values.Attribute("aws_iam_role.a", "name"));
    }

    private const string ReplacePlan = """
        Terraform will perform the following actions:

          # aws_iam_role_policy_attachment.cni must be replaced
        -/+ resource "aws_iam_role_policy_attachment" "cni" {
              ~ id         = "prod-node-1" -> (known after apply)
              ~ policy_arn = "arn:aws:iam::aws:policy/A" -> "arn:aws:iam::aws:policy/B" # forces replacement
                # (1 unchanged attribute hidden)
            }

        Plan: 1 to add, 0 to change, 1 to destroy.
        """;

    [Fact]
    public void A_hidden_identity_of_a_text_plan_is_filled_on_both_sides_and_a_shown_one_is_left_alone()
    {
        Write("main.tf", """
            variable "cluster" {}
            resource "aws_iam_role_policy_attachment" "cni" {
              role       = "${var.cluster}-node"
              policy_arn = "arn:aws:iam::aws:policy/C"
            }
            """);
        var config = Config();
        var values = new ConfigurationValues(config, RootVariableValues.Load(config, [], Env(("TF_VAR_cluster", "prod"))).Unwrap());
        var plan = TerraformTextPlanReader.Read(ReplacePlan, "plan.txt").Unwrap();

        var (filled, list) = TextPlanCompletion.Fill(plan, values);

        var rc = Assert.Single(filled.ResourceChanges);
        Assert.Equal(("prod-node", "prod-node"), (rc.Before["role"].AsString(), rc.After["role"].AsString()));
        Assert.Equal("arn:aws:iam::aws:policy/B", rc.After["policy_arn"].AsString());
        var value = Assert.Single(list);
        Assert.Equal("role = \"prod-node\" (main.tf:3 role       = \"${var.cluster}-node\"; var.cluster from TF_VAR_cluster)", value.Describe());
    }

    [Fact]
    public void Without_a_value_for_the_variable_nothing_is_filled()
    {
        Write("main.tf", "variable \"cluster\" {}\nresource \"aws_iam_role_policy_attachment\" \"cni\" { role = \"${var.cluster}-node\" }\n");
        var config = Config();
        var plan = TerraformTextPlanReader.Read(ReplacePlan, "plan.txt").Unwrap();

        var (same, list) = TextPlanCompletion.Fill(plan, new ConfigurationValues(config, RootVariableValues.None));

        Assert.Same(plan, same);
        Assert.Empty(list);
        Assert.True(Assert.Single(same.ResourceChanges).Before["role"].IsNull);
    }
}
