using System.Text.Json;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Core;
using Kalc.Iac.Reporting.Sarif;

namespace Kalc.Iac.Reporting.Tests;

public sealed class SarifReporterTests
{
    private static JsonElement Run(AnalysisReport report)
    {
        using var doc = JsonDocument.Parse(SampleReports.Render("sarif", report));
        var root = doc.RootElement.Clone();
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal(SarifReporter.SchemaUri, root.GetProperty("$schema").GetString());
        return root.GetProperty("runs").EnumerateArray().Single();
    }

    [Fact]
    public void Every_sample_and_the_hostile_report_satisfy_the_reduced_sarif_schema()
    {
        foreach (var report in SampleReports.All().Select(s => s.Report).Append(HostileReport.Build()))
            Assert.Null(ReportSchema.SarifErrors(SampleReports.Render("sarif", report)));
    }

    [Fact]
    public void The_reduced_sarif_schema_rejects_a_wrong_level()
    {
        var sarif = SampleReports.Render("sarif", SampleReports.Breaks()).Replace("\"level\": \"error\"", "\"level\": \"fatal\"");
        Assert.NotNull(ReportSchema.SarifErrors(sarif));
    }

    [Fact]
    public void The_driver_lists_every_rule_that_ran_with_level_help_and_descriptions()
    {
        var driver = Run(SampleReports.Breaks()).GetProperty("tool").GetProperty("driver");
        Assert.Equal("kalc-iac", driver.GetProperty("name").GetString());
        Assert.Equal("0.1.0-test", driver.GetProperty("version").GetString());
        Assert.Equal(ToolInfo.InformationUri, driver.GetProperty("informationUri").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(["KIAC101", "KIAC201", "KIAC310"], rules.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(["error", "error", "warning"], rules.Select(r => r.GetProperty("defaultConfiguration").GetProperty("level").GetString()));
        var first = rules[0];
        Assert.Equal("NodeInstanceProfileDeleted", first.GetProperty("name").GetString());
        Assert.Equal(SampleReports.ProfileDeleted.Rationale, first.GetProperty("fullDescription").GetProperty("text").GetString());
        Assert.Equal(SampleReports.ProfileDeleted.Remediation, first.GetProperty("help").GetProperty("text").GetString());
        Assert.Equal(SampleReports.ProfileDeleted.HelpLink, first.GetProperty("helpUri").GetString());
    }

    [Fact]
    public void A_finding_with_a_source_points_at_the_file_and_line_and_names_the_address()
    {
        var result = Run(SampleReports.Breaks()).GetProperty("results")[0];
        Assert.Equal("KIAC101", result.GetProperty("ruleId").GetString());
        Assert.Equal(0, result.GetProperty("ruleIndex").GetInt32());
        Assert.Equal("error", result.GetProperty("level").GetString());
        var location = result.GetProperty("locations")[0];
        var physical = location.GetProperty("physicalLocation");
        Assert.Equal("modules/iam/main.tf", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", physical.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(42, physical.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal("module.iam.aws_iam_instance_profile.kube_node", location.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());
        Assert.Equal("on-credential-refresh", result.GetProperty("properties").GetProperty("timeToImpact").GetString());
    }

    [Fact]
    public void A_finding_without_a_source_has_only_a_logical_location()
    {
        var result = Run(SampleReports.Breaks()).GetProperty("results")[1];
        var location = result.GetProperty("locations")[0];
        Assert.False(location.TryGetProperty("physicalLocation", out _));
        Assert.Equal("module.eks.aws_iam_role.alb_controller", location.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());
    }

    [Theory]
    [InlineData(Severity.Critical, "error")]
    [InlineData(Severity.High, "error")]
    [InlineData(Severity.Medium, "warning")]
    [InlineData(Severity.Low, "note")]
    [InlineData(Severity.Info, "note")]
    public void Severity_maps_to_the_sarif_level(Severity severity, string level) => Assert.Equal(level, SarifLevel.Of(severity));

    [Fact]
    public void The_fingerprint_depends_on_rule_and_address_only()
    {
        var a = SarifFingerprint.Of("KIAC101", "module.iam.aws_iam_instance_profile.kube_node");
        Assert.Equal(a, SarifFingerprint.Of("KIAC101", "module.iam.aws_iam_instance_profile.kube_node"));
        Assert.NotEqual(a, SarifFingerprint.Of("KIAC102", "module.iam.aws_iam_instance_profile.kube_node"));
        Assert.NotEqual(a, SarifFingerprint.Of("KIAC101", "module.iam.aws_iam_instance_profile.other"));
        Assert.Matches("^[0-9a-f]{32}$", a);

        var moved = SampleReports.InstanceProfileDeletion() with { Message = "reworded", Source = new SourceRef("x.tf", 7) };
        var before = Run(SampleReports.Breaks()).GetProperty("results")[0].GetProperty("partialFingerprints").GetProperty(SarifFingerprint.Key).GetString();
        var after = Run(SampleReports.Breaks() with { Findings = [moved] }).GetProperty("results")[0].GetProperty("partialFingerprints").GetProperty(SarifFingerprint.Key).GetString();
        Assert.Equal(before, after);
    }

    [Fact]
    public void A_finding_whose_rule_was_not_listed_still_gets_a_driver_rule_and_a_valid_index()
    {
        var run = Run(SampleReports.Breaks() with { Rules = [] });
        var ids = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(["KIAC101", "KIAC201"], ids);
        foreach (var result in run.GetProperty("results").EnumerateArray())
            Assert.Equal(result.GetProperty("ruleId").GetString(), ids[result.GetProperty("ruleIndex").GetInt32()]);
    }

    [Fact]
    public void Missing_state_becomes_warning_notifications_of_the_invocation()
    {
        var notes = Run(SampleReports.Incomplete()).GetProperty("invocations")[0].GetProperty("toolExecutionNotifications");
        Assert.Equal(2, notes.GetArrayLength());
        Assert.Equal("warning", notes[0].GetProperty("level").GetString());
        Assert.StartsWith("state missing: iam get-account-authorization-details", notes[0].GetProperty("message").GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("modules/iam/main.tf", "modules/iam/main.tf", "%SRCROOT%")]
    [InlineData("./main.tf", "main.tf", "%SRCROOT%")]
    [InlineData("modules\\my iam\\main.tf", "modules/my%20iam/main.tf", "%SRCROOT%")]
    [InlineData("/home/ci/repo/main.tf", "file:///home/ci/repo/main.tf", null)]
    public void Source_files_become_artifact_uris(string file, string uri, string? baseId) =>
        Assert.Equal((uri, baseId), SarifUri.Of(file));
}
