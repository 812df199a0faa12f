using System.Text.Json;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Core;
using Kalc.Iac.Reporting.Sarif;

namespace Kalc.Iac.Reporting.Tests;

/// <summary>SARIF as GitHub code scanning takes it (GitHubCodeScanning cites the requirements).</summary>
public sealed class SarifCodeScanningTests
{
    private const string Root = "/repo";

    /// <summary>A checkout at /repo, run from /repo/infra, where only the given files (relative to the root) exist.</summary>
    internal static SarifArtifacts Repository(string[] existing, string? fallback, string workingDirectory = Root + "/infra") => new()
    {
        RepositoryRoot = Root,
        WorkingDirectory = workingDirectory,
        Fallback = fallback,
        Exists = path => existing.Any(e => Path.GetFullPath(e, Root) == path),
    };

    private static List<JsonElement> Results(AnalysisReport report, SarifArtifacts? artifacts)
    {
        var sarif = SampleReports.Render("sarif", report, SampleReports.Options with { Artifacts = artifacts });
        using var doc = JsonDocument.Parse(sarif);
        return [.. doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.Clone())];
    }

    private static string Uri(JsonElement result) =>
        result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!;

    private static int Line(JsonElement result) =>
        result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32();

    [Fact]
    public void Every_sample_and_the_hostile_report_satisfy_the_official_sarif_schema_and_github()
    {
        var artifacts = Repository(["infra/modules/iam/main.tf", "infra/plan.json"], "plan.json");
        foreach (var report in SampleReports.All().Select(s => s.Report).Append(HostileReport.Build()))
        {
            var sarif = SampleReports.Render("sarif", report, SampleReports.Options with { Artifacts = artifacts });
            Assert.Null(ReportSchema.OfficialSarifErrors(sarif));
            Assert.Empty(GitHubCodeScanning.Problems(sarif));
        }
    }

    [Fact]
    public void The_official_schema_and_the_github_check_reject_what_code_scanning_rejects()
    {
        var sarif = SampleReports.Render("sarif", SampleReports.Breaks(), SampleReports.Options with { Artifacts = Repository(["infra/modules/iam/main.tf", "infra/plan.json"], "plan.json") });

        Assert.Empty(GitHubCodeScanning.Problems(sarif));
        Assert.NotNull(ReportSchema.OfficialSarifErrors(sarif.Replace("\"level\": \"error\"", "\"level\": \"fatal\"")));
        Assert.NotEmpty(GitHubCodeScanning.Problems(sarif.Replace("\"primaryLocationLineHash\"", "\"other\"")));
        Assert.NotEmpty(GitHubCodeScanning.Problems(sarif.Replace("\"uri\": \"infra/modules/iam/main.tf\"", "\"uri\": \"../../infra/modules/iam/main.tf\"")));
    }

    [Fact]
    public void Files_are_relative_to_the_repository_root_not_the_working_directory()
    {
        var results = Results(SampleReports.Breaks(), Repository(["infra/modules/iam/main.tf", "infra/plan.json"], "plan.json"));

        Assert.Equal("infra/modules/iam/main.tf", Uri(results[0]));
        Assert.Equal(42, Line(results[0]));
    }

    [Fact]
    public void A_source_location_relative_to_the_repository_root_is_found_from_a_subdirectory()
    {
        // --source shows the user's files relative to the repository root; kalc-iac ran in /repo/infra.
        var located = SampleReports.InstanceProfileDeletion() with { Source = new SourceRef("infra/modules/iam/main.tf", 12) { Column = 1, LineText = "resource \"x\" \"y\" {" } };

        var results = Results(SampleReports.Breaks() with { Findings = [located] }, Repository(["infra/modules/iam/main.tf", "infra/plan.json"], "plan.json"));

        Assert.Equal("infra/modules/iam/main.tf", Uri(results[0]));
        Assert.Equal(12, Line(results[0]));
    }

    [Fact]
    public void A_finding_without_a_file_in_the_repository_points_at_the_fallback_at_line_1()
    {
        // KIAC201 has no source; a kubespray role default names a file of the kubespray checkout, not of this repository.
        var kubespray = SampleReports.IrsaTrustRemoved() with { Source = new SourceRef("roles/kubespray-defaults/defaults/main/main.yml", 186) };
        var results = Results(SampleReports.Breaks() with { Findings = [kubespray] }, Repository(["inventory/prod/hosts.yaml"], "../inventory/prod/hosts.yaml"));

        Assert.Equal("inventory/prod/hosts.yaml", Uri(results[0]));
        Assert.Equal(1, Line(results[0]));
    }

    [Fact]
    public void Stdin_and_files_outside_the_repository_never_become_uris()
    {
        var outside = SampleReports.InstanceProfileDeletion() with { Source = new SourceRef("../../elsewhere/main.tf", 3) };
        var stdin = SampleReports.IrsaTrustRemoved() with { Source = new SourceRef("-", 1) };
        var existing = new[] { "../elsewhere/main.tf", "infra/main.tf" };

        var results = Results(SampleReports.Breaks() with { Findings = [outside, stdin] }, Repository(existing, "main.tf"));

        Assert.All(results, r => Assert.Equal("infra/main.tf", Uri(r)));
    }

    [Fact]
    public void The_line_hash_comes_from_the_rule_and_the_resource_so_it_survives_a_moved_line()
    {
        var artifacts = Repository(["infra/modules/iam/main.tf"], null);
        var before = Results(SampleReports.Breaks(), artifacts)[0];
        var moved = SampleReports.InstanceProfileDeletion() with { Source = new SourceRef("modules/iam/main.tf", 97), Message = "reworded" };
        var after = Results(SampleReports.Breaks() with { Findings = [moved] }, artifacts)[0];
        var otherResource = Results(SampleReports.Breaks() with { Findings = [moved with { Change = new ChangeRef("module.iam.aws_iam_instance_profile.other", ["delete"]) }] }, artifacts)[0];

        static string Hash(JsonElement r) => r.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()!;
        Assert.Equal(Hash(before), Hash(after));
        Assert.NotEqual(Hash(before), Hash(otherResource));
        Assert.NotEqual(Line(before), Line(after));
    }

    [Fact]
    public void Rules_carry_help_in_markdown_with_the_link_to_their_page()
    {
        var sarif = SampleReports.Render("sarif", SampleReports.Breaks());
        using var doc = JsonDocument.Parse(sarif);
        var rule = doc.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")[0];

        var markdown = rule.GetProperty("help").GetProperty("markdown").GetString()!;
        Assert.Contains("**What to do:** Keep the instance profile", markdown);
        Assert.Contains($"]({SampleReports.ProfileDeleted.HelpLink})", markdown);
        Assert.Equal(SampleReports.ProfileDeleted.Remediation, rule.GetProperty("help").GetProperty("text").GetString());
    }
}
