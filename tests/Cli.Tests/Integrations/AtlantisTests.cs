using YamlDotNet.RepresentationModel;

namespace Kalc.Iac.Cli.Tests.Integrations;

/// <summary>integrations/atlantis checked against Atlantis's parsing rules (AtlantisConfig) and run as its step runner
/// runs a custom policy check (AtlantisStepRunner).</summary>
public sealed class AtlantisTests
{
    private static string Dir => Path.Combine(Kalc.Iac.Tests.RepoPaths.Root, "integrations", "atlantis");

    private static YamlMappingNode Server => AtlantisConfig.Load(Path.Combine(Dir, "repos.yaml"));

    private static YamlMappingNode Workflow => (YamlMappingNode)((YamlMappingNode)Server["workflows"])["kalc-iac"];

    private static string Example(string relative) => Path.Combine(Kalc.Iac.Tests.RepoPaths.Root, "examples", "kubespray-iam-teardown", relative);

    [Fact]
    public void The_server_side_repos_yaml_parses_under_atlantis_strict_rules()
    {
        Assert.Empty(AtlantisConfig.ServerSideProblems(Server));
    }

    [Fact]
    public void The_repo_level_atlantis_yaml_uses_only_what_the_server_allows()
    {
        Assert.Empty(AtlantisConfig.RepoLevelProblems(AtlantisConfig.Load(Path.Combine(Dir, "atlantis.yaml")), Server));
    }

    [Fact]
    public void The_checks_reject_the_shapes_atlantis_refuses()
    {
        // The old file: a repo-level file used as the server-side one (version, no repos:), and a custom workflow the server does not allow.
        var old = Parse("version: 3\nworkflows:\n  w:\n    plan:\n      steps: [init, plan, frobnicate]\n");

        var serverProblems = AtlantisConfig.ServerSideProblems(old);
        Assert.Contains("repos.yaml: field version not found in type", serverProblems);
        Assert.Contains("repos: required, a list", serverProblems);
        Assert.Contains(serverProblems, p => p.Contains("frobnicate", StringComparison.Ordinal));
        Assert.Contains("workflows: the server does not allow custom workflows",
            AtlantisConfig.RepoLevelProblems(Parse("version: 3\nprojects:\n  - dir: .\nworkflows: {}\n"), Server));
        Assert.Contains("version: required, 2 or 3", AtlantisConfig.RepoLevelProblems(Parse("projects:\n  - dir: .\n"), Server));
    }

    private static YamlMappingNode Parse(string text)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    [Fact]
    public void The_policy_check_shows_the_plan_with_atlantis_terraform_and_passes_the_kalc_iac_options_through()
    {
        var steps = ((YamlSequenceNode)((YamlMappingNode)Workflow["policy_check"])["steps"]).Children;
        Assert.Equal("show", ((YamlScalarNode)steps[0]).Value);
        Assert.StartsWith("kalc-iac-atlantis ", ((YamlScalarNode)((YamlMappingNode)steps[1])["run"]).Value);
        var script = File.ReadAllText(Path.Combine(Dir, "kalc-iac-atlantis"));
        Assert.Contains("\"$SHOWFILE\"", script);
        Assert.Contains("--strict", script);
        // The plan's JSON comes from Atlantis's own `show` (the project's terraform version), not from a terraform on PATH.
        Assert.DoesNotMatch(@"(?m)^[^#\n]*\bterraform ", script);
    }

    private static AtlantisStepRunner.Outcome PolicyCheck(TempDir temp, string showJson, Func<string, string>? rewrite = null)
    {
        var project = Path.Combine(temp.Path, "repo", "infra", "cluster-iam");
        Directory.CreateDirectory(project);
        var bin = HostProcess.BinDirectory(temp.Path, ("kalc-iac", HostProcess.KalcIac), ("kalc-iac-atlantis", Path.Combine(Dir, "kalc-iac-atlantis")));
        return AtlantisStepRunner.PolicyCheck(Workflow, project, showJson, bin, rewrite);
    }

    private static string WithStateDirectories(string command)
    {
        Assert.Contains("--aws-state live --k8s-state live", command);
        return command.Replace("--aws-state live --k8s-state live", $"--aws-state '{Example("aws")}' --k8s-state '{Example("k8s")}'", StringComparison.Ordinal);
    }

    [Fact]
    public void A_breaking_plan_fails_the_policy_set_with_the_report_as_markdown_so_approve_policies_can_accept_it()
    {
        using var temp = new TempDir();

        var outcome = PolicyCheck(temp, File.ReadAllText(Example("plan.json")), WithStateDirectories);

        Assert.False(outcome.Errored);
        Assert.False(outcome.Passed);
        Assert.StartsWith("## kalc-iac: breaks", outcome.Output);
        Assert.DoesNotContain("```", outcome.Output);
        Assert.Contains("**kalc-iac: 1 failure** (findings at or above --fail-on)", outcome.Output);
    }

    [Fact]
    public void A_plan_that_touches_nothing_the_cluster_uses_passes()
    {
        using var temp = new TempDir();
        var scenario = Path.Combine(Kalc.Iac.Tests.RepoPaths.Root, "fixtures", "scenarios", "unrelated-change");

        var outcome = PolicyCheck(temp, File.ReadAllText(Path.Combine(scenario, "plan.json")),
            c => c.Replace("--aws-state live --k8s-state live", $"--aws-state '{scenario}/aws' --k8s-state '{scenario}/k8s'", StringComparison.Ordinal));

        Assert.False(outcome.Errored);
        Assert.True(outcome.Passed, outcome.Output);
        Assert.StartsWith("## kalc-iac: safe", outcome.Output);
    }

    [Fact]
    public void Live_state_without_credentials_fails_the_check_instead_of_going_green()
    {
        using var temp = new TempDir();

        var outcome = PolicyCheck(temp, File.ReadAllText(Example("plan.json")));

        Assert.False(outcome.Errored, outcome.Output);
        Assert.False(outcome.Passed);
        Assert.StartsWith("## kalc-iac: incomplete", outcome.Output);
        Assert.Contains("the answer is incomplete", outcome.Output);
    }

    [Fact]
    public void An_unreadable_plan_is_a_step_error_that_approve_policies_cannot_accept()
    {
        using var temp = new TempDir();

        var outcome = PolicyCheck(temp, "{ not json", WithStateDirectories);

        Assert.True(outcome.Errored);
        Assert.Single(outcome.Output.Trim().Split('\n'));
        Assert.StartsWith("kalc-iac: ", outcome.Output);
    }

    [Fact]
    public void The_template_override_prints_the_kalc_iac_set_as_markdown_and_other_sets_in_a_diff_block()
    {
        var template = File.ReadAllText(Path.Combine(Dir, "templates", "policy_check.tmpl"));
        var ours = template[template.IndexOf("{{ if eq $ps.PolicySetName \"kalc-iac\" }}", StringComparison.Ordinal)..template.IndexOf("{{ else }}", StringComparison.Ordinal)];

        Assert.Contains("{{ define \"policyCheck\" -}}", template);
        Assert.Contains("{{ $ps.PolicyOutput }}", ours);
        Assert.DoesNotContain("```", ours);
        Assert.Contains("```diff\n{{ $ps.PolicyOutput }}\n```", template);
        Assert.Equal("kalc-iac", ((YamlScalarNode)((YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)Server["policies"])["policy_sets"]).Children[0])["name"]).Value);
    }
}
