using YamlDotNet.RepresentationModel;

namespace Kalc.Iac.Cli.Tests.Integrations;

/// <summary>Atlantis's parsing rules for its two config files, as its source states them (runatlantis/atlantis v0.47.1,
/// server/core/config/parser_validator.go decodes with KnownFields(true): an unknown key anywhere is an error;
/// server/core/config/raw/*.go lists the keys and Validate() rules). Returns every violation, one line each.</summary>
internal static class AtlantisConfig
{
    // raw/global_cfg.go GlobalCfg and Repo; raw/workflow.go; raw/stage.go; raw/policies.go; raw/repo_cfg.go; raw/project.go.
    private static readonly string[] GlobalKeys = ["repos", "workflows", "policies", "metrics", "team_authz", "external_stores"];
    private static readonly string[] RepoKeys =
    [
        "id", "branch", "repo_config_file", "plan_requirements", "apply_requirements", "import_requirements", "pre_workflow_hooks",
        "workflow", "post_workflow_hooks", "allowed_workflows", "allowed_overrides", "allow_custom_workflows",
        "delete_source_branch_on_merge", "repo_locking", "repo_locks", "policy_check", "custom_policy_check", "autodiscover",
        "silence_pr_comments",
    ];
    // raw/global_cfg.go Repo.Validate: the only keys allowed_overrides may name.
    private static readonly string[] OverridableKeys =
    [
        "plan_requirements", "apply_requirements", "import_requirements", "workflow", "delete_source_branch_on_merge",
        "repo_locking", "repo_locks", "policy_check", "custom_policy_check", "silence_pr_comments",
    ];
    private static readonly string[] WorkflowKeys = ["plan", "apply", "policy_check", "import", "state_rm"];
    private static readonly string[] PoliciesKeys = ["conftest_version", "owners", "policy_sets", "sticky_policy_approvals", "policy_item_regex", "approve_count"];
    private static readonly string[] PolicySetKeys = ["path", "source", "name", "owners", "approve_count", "sticky_policy_approvals", "policy_item_regex", "prevent_self_approve"];
    private static readonly string[] OwnersKeys = ["users", "teams"];
    private static readonly string[] RepoCfgKeys =
    [
        "version", "projects", "workflows", "policies", "autodiscover", "automerge", "parallel_apply", "parallel_plan",
        "delete_source_branch_on_merge", "emoji_reaction", "allowed_regexp_prefixes", "abort_on_execution_order_fail", "repo_locks",
        "silence_pr_comments",
    ];
    private static readonly string[] ProjectKeys =
    [
        "name", "branch", "dir", "workspace", "workflow", "terraform_distribution", "terraform_version", "autoplan", "plan_requirements",
        "apply_requirements", "import_requirements", "depends_on", "delete_source_branch_on_merge", "repo_locking", "repo_locks",
        "execution_order_group", "policy_check", "custom_policy_check", "silence_pr_comments",
    ];
    // raw/step.go: the built-in steps, and the map forms (run/env/multienv and extra_args of the built-ins).
    private static readonly string[] StepNames = ["init", "plan", "show", "policy_check", "apply", "version", "import", "state_rm"];
    private static readonly string[] MapSteps = ["run", "env", "multienv", .. StepNames];

    public static YamlMappingNode Load(string path)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(path);
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    /// <summary>The server-side repo config (--repo-config): no `version`, a `repos` list, workflows each repo names.</summary>
    public static List<string> ServerSideProblems(YamlMappingNode cfg)
    {
        var problems = new List<string>();
        Keys(cfg, GlobalKeys, "repos.yaml", problems);
        var workflows = cfg.Children.TryGetValue("workflows", out var w) ? Names((YamlMappingNode)w) : [];
        if (cfg.Children.TryGetValue("workflows", out var wf)) Workflows((YamlMappingNode)wf, problems);
        if (!cfg.Children.TryGetValue("repos", out var repos) || repos is not YamlSequenceNode list || list.Children.Count == 0)
        {
            problems.Add("repos: required, a list");
            return problems;
        }
        foreach (var repo in list.Children.Cast<YamlMappingNode>())
        {
            Keys(repo, RepoKeys, "repos[]", problems);
            if (Scalar(repo, "id") is not { Length: > 0 }) problems.Add("repos[].id: required");
            if (Scalar(repo, "workflow") is { } name && !workflows.Contains(name)) problems.Add($"repos[].workflow: {name} is not defined");
            if (repo.Children.TryGetValue("allowed_overrides", out var o))
                foreach (var key in ((YamlSequenceNode)o).Children.Select(n => ((YamlScalarNode)n).Value!))
                    if (!OverridableKeys.Contains(key)) problems.Add($"allowed_overrides: {key} is not a valid override");
        }
        if (cfg.Children.TryGetValue("policies", out var p)) Policies((YamlMappingNode)p, problems);
        return problems;
    }

    /// <summary>A repo-level atlantis.yaml, checked against the server-side config it runs under: version 2 or 3, projects
    /// with a dir, only keys the server lets the repo override, workflows the server defines.</summary>
    public static List<string> RepoLevelProblems(YamlMappingNode cfg, YamlMappingNode server)
    {
        var problems = new List<string>();
        Keys(cfg, RepoCfgKeys, "atlantis.yaml", problems);
        if (Scalar(cfg, "version") is not ("2" or "3")) problems.Add("version: required, 2 or 3");
        var repo = (YamlMappingNode)((YamlSequenceNode)server["repos"]).Children[0];
        var allowed = repo.Children.TryGetValue("allowed_overrides", out var o) ? ((YamlSequenceNode)o).Children.Select(n => ((YamlScalarNode)n).Value!).ToHashSet() : [];
        var customWorkflows = Scalar(repo, "allow_custom_workflows") == "true";
        var serverWorkflows = server.Children.TryGetValue("workflows", out var w) ? Names((YamlMappingNode)w) : [];
        if (cfg.Children.ContainsKey("workflows") && !customWorkflows) problems.Add("workflows: the server does not allow custom workflows");
        foreach (var project in ((YamlSequenceNode)cfg["projects"]).Children.Cast<YamlMappingNode>())
        {
            Keys(project, ProjectKeys, "projects[]", problems);
            if (Scalar(project, "dir") is not { Length: > 0 }) problems.Add("projects[].dir: required");
            foreach (var key in project.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Intersect(OverridableKeys))
                if (!allowed.Contains(key)) problems.Add($"projects[].{key}: not in the server's allowed_overrides");
            if (Scalar(project, "workflow") is { } name && !serverWorkflows.Contains(name)) problems.Add($"projects[].workflow: {name} is not a server-side workflow");
        }
        return problems;
    }

    private static void Workflows(YamlMappingNode workflows, List<string> problems)
    {
        foreach (var (name, workflow) in workflows)
        {
            Keys((YamlMappingNode)workflow, WorkflowKeys, $"workflows.{name}", problems);
            foreach (var (stage, body) in (YamlMappingNode)workflow)
            {
                Keys((YamlMappingNode)body, ["steps"], $"workflows.{name}.{stage}", problems);
                foreach (var step in ((YamlSequenceNode)((YamlMappingNode)body)["steps"]).Children)
                {
                    var ok = step switch
                    {
                        YamlScalarNode s => StepNames.Contains(s.Value),
                        YamlMappingNode m => m.Children.Count == 1 && MapSteps.Contains(((YamlScalarNode)m.Children.Keys.Single()).Value),
                        _ => false,
                    };
                    if (!ok) problems.Add($"workflows.{name}.{stage}: step {step} is not a step Atlantis knows");
                }
            }
        }
    }

    private static void Policies(YamlMappingNode policies, List<string> problems)
    {
        Keys(policies, PoliciesKeys, "policies", problems);
        if (policies.Children.TryGetValue("owners", out var owners)) Keys((YamlMappingNode)owners, OwnersKeys, "policies.owners", problems);
        if (!policies.Children.TryGetValue("policy_sets", out var sets) || ((YamlSequenceNode)sets).Children.Count == 0)
        {
            problems.Add("policies.policy_sets: cannot be empty");
            return;
        }
        foreach (var set in ((YamlSequenceNode)sets).Children.Cast<YamlMappingNode>())
        {
            Keys(set, PolicySetKeys, "policy_sets[]", problems);
            if (Scalar(set, "name") is not { Length: > 0 }) problems.Add("policy_sets[].name: is required");
            if (Scalar(set, "path") is not { Length: > 0 }) problems.Add("policy_sets[].path: is required");
            if (Scalar(set, "source") is not ("local" or "github")) problems.Add("policy_sets[].source: only 'local' and 'github'");
        }
    }

    private static void Keys(YamlMappingNode node, string[] known, string where, List<string> problems)
    {
        foreach (var key in node.Children.Keys.Select(k => ((YamlScalarNode)k).Value!))
            if (!known.Contains(key)) problems.Add($"{where}: field {key} not found in type");
    }

    private static HashSet<string> Names(YamlMappingNode map) => [.. map.Children.Keys.Select(k => ((YamlScalarNode)k).Value!)];

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var v) && v is YamlScalarNode s ? s.Value : null;
}
