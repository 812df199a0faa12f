using System.Text.Json;
using Kalc.Iac.PlanParser.Terraform.Source;

namespace Kalc.Iac.Cli.Tests;

/// <summary>SARIF artifact URIs are relative to the repository root found from the analysed files (a <c>.git</c>
/// directory, or the <c>.git</c> file of a worktree), whatever directory kalc-iac runs from.</summary>
public sealed class RepositoryFilesTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_repository_root_is_found_above_the_source_whatever_the_working_directory(bool gitIsAFile)
    {
        var temp = Directory.CreateTempSubdirectory("kalc-iac-repo-").FullName;
        try
        {
            var repo = Directory.CreateDirectory(Path.Combine(temp, "repo")).FullName;
            if (gitIsAFile) File.WriteAllText(Path.Combine(repo, ".git"), "gitdir: /elsewhere/.git/worktrees/repo\n");
            else Directory.CreateDirectory(Path.Combine(repo, ".git"));
            var infra = Directory.CreateDirectory(Path.Combine(repo, "stacks", "eks")).FullName;
            File.WriteAllText(Path.Combine(infra, "main.tf"), "resource \"aws_iam_role\" \"node\" {\n  name = \"node\"\n}\n");
            var outside = Directory.CreateDirectory(Path.Combine(temp, "elsewhere")).FullName;
            var options = new CliOptions { Plan = Path.Combine(infra, "plan.json"), Source = infra };

            var uris = new[] { outside, repo, infra }.Select(cwd =>
            {
                var configuration = TerraformConfiguration.Load(infra, cwd).Value!;
                var site = configuration.Locate("aws_iam_role.node")!;
                var artifacts = RepositoryFiles.Artifacts(options, configuration, cwd);
                Assert.Equal(repo, artifacts.RepositoryRoot);
                return artifacts.Locate(site.File, site.Line);
            }).ToList();

            Assert.All(uris, u => Assert.Equal(("stacks/eks/main.tf", 1), u));
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    [Fact]
    public void A_plan_outside_any_repository_is_located_relative_to_the_source_directory()
    {
        var temp = Directory.CreateTempSubdirectory("kalc-iac-norepo-").FullName;
        try
        {
            if (RepositoryFiles.GitTopLevel(temp) is not null) return; // the temp directory is inside a repository here
            var options = new CliOptions { Plan = Path.Combine(temp, "plan.json"), Source = temp };

            Assert.Equal(temp, RepositoryFiles.RepositoryRoot(options, null, "/"));
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    [Fact]
    public void Sarif_with_source_points_at_the_terraform_file_relative_to_the_repository_root()
    {
        var example = Path.Combine(Kalc.Iac.Tests.RepoPaths.Root, "examples", "irsa-trust-mistake");
        var run = CliRun.Of(Path.Combine(example, "plan.json"), "--aws-state", Path.Combine(example, "aws"), "--k8s-state", Path.Combine(example, "k8s"),
            "--source", Path.Combine(example, "terraform"), "--format", "sarif");

        var results = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.StartsWith("examples/irsa-trust-mistake/terraform/",
            r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal));
    }
}
