using System.Text.Json;

namespace Kalc.Iac.Cli.Tests;

/// <summary>A text plan that hides the role a policy attachment is on (examples/cni-policy-swapped-text-plan): alone it
/// cannot say which role loses the policy; with --source and the variable values the role is filled in, the finding
/// names it, and the report says which value came from where.</summary>
public sealed class VariableValuesCliTests
{
    private const string Example = "repo:examples/cni-policy-swapped-text-plan";

    private static string[] Args(params string[] more) =>
        [$"{Example}/plan.txt", "--aws-state", $"{Example}/aws", "--k8s-state", $"{Example}/k8s", "--format", "json", .. more];

    [Fact]
    public void The_text_plan_alone_cannot_name_the_role_and_is_incomplete()
    {
        var run = CliRun.Of(Args());

        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal("incomplete", doc.RootElement.GetProperty("verdict").GetString());
        Assert.Empty(doc.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Contains(doc.RootElement.GetProperty("missing").EnumerateArray(), m => m.GetString()!.Contains("the role it attaches a policy to is known only after apply", StringComparison.Ordinal));
    }

    [Fact]
    public void With_the_configuration_and_the_var_file_the_role_is_filled_and_its_provenance_is_reported()
    {
        var run = CliRun.Of(Args("--source", $"{Example}/terraform", "--var-file", $"{Example}/terraform/env/prod.tfvars"));

        Assert.Equal(1, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var finding = Assert.Single(doc.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("KIAC204", finding.GetProperty("ruleId").GetString());
        Assert.Contains("prod-eu-node", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        var evidence = finding.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("fact").GetString()!).ToList();
        Assert.Contains(evidence, e => e.StartsWith("the text plan does not show role; the configuration gives role = \"prod-eu-node\"", StringComparison.Ordinal));
        Assert.Contains("var.cluster_name from examples/cni-policy-swapped-text-plan/terraform/env/prod.tfvars:1 (used for role)", evidence);
        Assert.Contains(doc.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("role = \"prod-eu-node\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Terraform_tfvars_outranks_TF_VAR_and_the_var_file_outranks_both()
    {
        var env = new Dictionary<string, string?> { ["TF_VAR_cluster_name"] = "prod-eu" };

        var tfvars = Notes(CliRun.With(null, env, Args("--source", $"{Example}/terraform")));
        var varFile = Notes(CliRun.With(null, env, Args("--source", $"{Example}/terraform", "--var-file", $"{Example}/terraform/env/prod.tfvars")));

        Assert.Contains("role = \"dev-eu-node\"", tfvars, StringComparison.Ordinal);
        Assert.Contains("var.cluster_name from examples/cni-policy-swapped-text-plan/terraform/terraform.tfvars:1", tfvars, StringComparison.Ordinal);
        Assert.Contains("role = \"prod-eu-node\"", varFile, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_Markdown_and_SARIF_carry_the_users_file_line_column_and_the_source_line()
    {
        string[] common = [$"{Example}/plan.txt", "--aws-state", $"{Example}/aws", "--k8s-state", $"{Example}/k8s",
            "--source", $"{Example}/terraform", "--var-file", $"{Example}/terraform/env/prod.tfvars"];
        const string file = "examples/cni-policy-swapped-text-plan/terraform/main.tf";
        const string line = "resource \"aws_iam_role_policy_attachment\" \"node_cni\" {";

        var text = CliRun.Of([.. common, "--format", "text"]).Stdout;
        var markdown = CliRun.Of([.. common, "--format", "markdown"]).Stdout;
        var sarif = CliRun.Of([.. common, "--format", "sarif"]).Stdout;

        var verbose = CliRun.Of([.. common, "--format", "text", "-v"]).Stdout;

        Assert.Contains($"{file}:17:1\n              | {line}\n", text, StringComparison.Ordinal);
        Assert.Contains($"source      {file}:17:1\n              | {line}\n", verbose, StringComparison.Ordinal);
        Assert.Contains($"- **Source:** `{file}:17` `{line}`", markdown, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(sarif);
        var physical = doc.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal(file, physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        var region = physical.GetProperty("region");
        Assert.Equal((17, 1, line), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("snippet").GetProperty("text").GetString()));
    }

    private static string Notes(CliRun run)
    {
        using var doc = JsonDocument.Parse(run.Stdout);
        return string.Join("\n", doc.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
    }

    [Fact]
    public void A_var_file_without_a_configuration_is_a_usage_error()
    {
        var run = CliRun.Of(Args("--var-file", $"{Example}/terraform/env/prod.tfvars"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--var-file needs the Terraform configuration", run.Stderr, StringComparison.Ordinal);
    }
}
