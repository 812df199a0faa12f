using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Kalc.Iac.Cli.Tests.Integrations;

/// <summary>Runs a workflow's policy_check stage as Atlantis does (runatlantis/atlantis v0.47.1):
/// - `show` writes `terraform show -json $PLANFILE` to $SHOWFILE = DIR/{project}-{workspace}.json
///   (command/project_context.go GetShowResultFileName); here the JSON plan the test gives stands for it;
/// - `run: CMD` is `sh -c CMD` in the project directory with the environment of core/runtime/run_step_runner.go
///   (DIR, PLANFILE, SHOWFILE, ATLANTIS_TERRAFORM_VERSION, PROJECT_NAME, WORKSPACE, ..., PATH with the terraform
///   bin dir appended); stdout and stderr both become the step's output; a non-zero exit is a step error;
/// - with custom_policy_check, each policy_check output is a policy set's result, failed when it matches
///   `([1-9][0-9]* failure|failures": \[)` or starts with "FAIL" (events/project_command_runner.go).</summary>
internal static class AtlantisStepRunner
{
    private static readonly Regex Failure = new(@"([1-9][0-9]* failure|failures"": \[)", RegexOptions.Compiled);

    public sealed record Outcome(bool Errored, bool Passed, string Output);

    public static Outcome PolicyCheck(YamlMappingNode workflow, string projectDir, string showJson, string bin, Func<string, string>? rewrite = null)
    {
        const string project = "cluster-iam", workspace = "default";
        var showFile = Path.Combine(projectDir, $"{project}-{workspace}.json");
        var env = new Dictionary<string, string>
        {
            ["ATLANTIS_TERRAFORM_DISTRIBUTION"] = "terraform",
            ["ATLANTIS_TERRAFORM_VERSION"] = "1.9.8",
            ["BASE_BRANCH_NAME"] = "main",
            ["BASE_REPO_NAME"] = "infra",
            ["BASE_REPO_OWNER"] = "example",
            ["COMMENT_ARGS"] = "",
            ["DIR"] = projectDir,
            ["HEAD_BRANCH_NAME"] = "teardown-test",
            ["HEAD_COMMIT"] = "0123456789abcdef0123456789abcdef01234567",
            ["HEAD_REPO_NAME"] = "infra",
            ["HEAD_REPO_OWNER"] = "example",
            ["PATH"] = $"{Environment.GetEnvironmentVariable("PATH")}:{bin}",
            ["PLANFILE"] = Path.Combine(projectDir, $"{project}-{workspace}.tfplan"),
            ["SHOWFILE"] = showFile,
            ["POLICYCHECKFILE"] = Path.Combine(projectDir, $"{project}-{workspace}-policyout.json"),
            ["PROJECT_NAME"] = project,
            ["PULL_AUTHOR"] = "someone",
            ["PULL_NUM"] = "42",
            ["PULL_URL"] = "https://github.com/example/infra/pull/42",
            ["REPO_REL_DIR"] = "infra/cluster-iam",
            ["USER_NAME"] = "someone",
            ["WORKSPACE"] = workspace,
            // No cloud or cluster credentials on this Atlantis.
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["KUBECONFIG"] = Path.Combine(projectDir, "no-kubeconfig"),
        };
        var outputs = new List<string>();
        var steps = (YamlSequenceNode)((YamlMappingNode)workflow["policy_check"])["steps"];
        foreach (var step in steps.Children)
        {
            switch (step)
            {
                case YamlScalarNode { Value: "show" }:
                    File.WriteAllText(showFile, showJson);
                    break;
                case YamlMappingNode m when m.Children.TryGetValue("run", out var run):
                    var command = ((YamlScalarNode)run).Value!;
                    var result = HostProcess.Run("sh", ["-c", rewrite?.Invoke(command) ?? command], env, projectDir);
                    if (result.ExitCode != 0) return new Outcome(true, false, result.Stdout + result.Stderr);
                    outputs.Add(result.Stdout + result.Stderr);
                    break;
                default:
                    throw new InvalidOperationException($"the emulation does not run step {step}");
            }
        }
        var output = Assert.Single(outputs);
        var passed = output.Length > 0 && !Failure.IsMatch(output) && !output.TrimStart().StartsWith("FAIL", StringComparison.Ordinal);
        return new Outcome(false, passed, output);
    }
}
