using System.Text.Json;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Reporting.Tests;

public sealed class JsonReporterTests
{
    public static TheoryData<string> Samples() => [.. SampleReports.All().Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_sample_report_is_valid_against_the_published_schema(string sample)
    {
        var json = SampleReports.Render("json", SampleReports.All().Single(s => s.Name == sample).Report);
        Assert.Null(ReportSchema.Errors(json));
    }

    [Fact]
    public void A_reason_said_after_the_address_is_written_whole_however_long()
    {
        var address = "module.ünïcode[\"ключ\"].aws_s3_bucket.b";
        var reasons = new[] { "short", new string('x', 300) + " \u00e9\" quoted", new string('r', 5000) };
        var report = SampleReports.Incomplete() with
        {
            Changes = SampleReports.Summary(0, 0, 3) with
            {
                NotAnalysed = [.. reasons.Select(r => new UnanalysedChange(address, MappingStatus.Unknown, r) { AfterAddress = true })],
            },
        };

        using var doc = JsonDocument.Parse(SampleReports.Render("json", report));

        var written = doc.RootElement.GetProperty("changes").GetProperty("notAnalysed").EnumerateArray()
            .Select(e => e.GetProperty("reason").GetString()).ToList();
        Assert.Equal(reasons.Select(r => $"{address}: {r}"), written);
    }

    [Fact]
    public void Each_change_not_analysed_is_written_with_its_address_status_and_reason_as_the_schema_says()
    {
        var report = SampleReports.Incomplete() with
        {
            Changes = SampleReports.Summary(0, 1, 1) with
            {
                NotAnalysed =
                [
                    new UnanalysedChange("aws_security_group_rule.node", MappingStatus.Unsupported, "security group rules are not analysed"),
                    new UnanalysedChange("aws_iam_role_policy_attachment.x", MappingStatus.Unknown, "policy_arn is known only after apply") { AfterAddress = true },
                ],
            },
        };

        var json = SampleReports.Render("json", report);
        using var doc = JsonDocument.Parse(json);

        Assert.Null(ReportSchema.Errors(json));
        var written = doc.RootElement.GetProperty("changes").GetProperty("notAnalysed").EnumerateArray()
            .Select(e => string.Join("|", e.EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}"))).ToList();
        Assert.Equal(
        [
            "address=aws_security_group_rule.node|status=unsupported|reason=security group rules are not analysed",
            "address=aws_iam_role_policy_attachment.x|status=unknown|reason=aws_iam_role_policy_attachment.x: policy_arn is known only after apply",
        ], written);
    }

    [Fact]
    public void The_schema_rejects_a_change_not_analysed_without_a_reason()
    {
        var json = SampleReports.Render("json", SampleReports.Incomplete() with
        {
            Changes = SampleReports.Summary(0, 0, 1) with { NotAnalysed = [new UnanalysedChange("a.b", MappingStatus.Unknown, "why")] },
        }).Replace("\"reason\": \"why\"", "\"why\": \"why\"", StringComparison.Ordinal);

        Assert.Contains("notAnalysed", ReportSchema.Errors(json));
    }

    [Fact]
    public void The_schema_rejects_a_report_without_a_byAction_key()
    {
        var json = SampleReports.Render("json", SampleReports.Safe()).Replace("\"forget\": 0", "\"forgotten\": 0");
        Assert.Contains("byAction", ReportSchema.Errors(json));
    }

    [Fact]
    public void The_schema_rejects_a_finding_without_change_key()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(SampleReports.Render("json", SampleReports.Breaks()))!;
        node["findings"]![0]!.AsObject().Remove("change");
        Assert.NotNull(ReportSchema.Errors(node.ToJsonString()));
    }

    [Fact]
    public void ByAction_lists_all_seven_actions_even_when_the_summary_has_none()
    {
        var report = SampleReports.Safe() with { Changes = SampleReports.Summary(0, 0, 0) };
        using var doc = JsonDocument.Parse(SampleReports.Render("json", report));
        var keys = doc.RootElement.GetProperty("changes").GetProperty("byAction").EnumerateObject().Select(p => p.Name);
        Assert.Equal(["create", "update", "delete", "replace", "read", "no-op", "forget"], keys);
    }

    [Fact]
    public void Absent_change_source_and_producer_are_written_as_null_and_missing_as_an_empty_array()
    {
        var report = SampleReports.Breaks() with
        {
            Input = new InputInfo("terraform-text", null, null),
            Findings = [SampleReports.IrsaTrustRemoved() with { Change = null }],
        };
        using var doc = JsonDocument.Parse(SampleReports.Render("json", report));
        var root = doc.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("input").GetProperty("formatVersion").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("input").GetProperty("producer").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("missing").ValueKind);
        Assert.Equal(0, root.GetProperty("missing").GetArrayLength());
        var finding = root.GetProperty("findings")[0];
        Assert.Equal(JsonValueKind.Null, finding.GetProperty("change").ValueKind);
        Assert.Equal(JsonValueKind.Null, finding.GetProperty("source").ValueKind);
    }

    [Fact]
    public void Findings_are_written_worst_first_whatever_order_the_analysis_produced()
    {
        using var doc = JsonDocument.Parse(SampleReports.Render("json", SampleReports.Breaks()));
        var severities = doc.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("severity").GetString());
        Assert.Equal(["critical", "high"], severities);
    }

    [Fact]
    public void Tool_version_defaults_to_the_assembly_version()
    {
        var json = SampleReports.Render("json", SampleReports.Safe(), ReportOptions.Default);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("0.1.0", doc.RootElement.GetProperty("tool").GetProperty("version").GetString());
    }

    [Fact]
    public void Hostile_strings_round_trip_exactly_through_valid_json()
    {
        var report = HostileReport.Build();
        var json = SampleReports.Render("json", report);
        Assert.Null(ReportSchema.Errors(json));
        Assert.DoesNotContain('\u001b', json);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(report.Findings[0].Message, doc.RootElement.GetProperty("findings")[0].GetProperty("message").GetString());
    }

    [Fact]
    public void The_same_report_renders_to_the_same_bytes()
    {
        Assert.Equal(SampleReports.Render("json", SampleReports.Breaks()), SampleReports.Render("json", SampleReports.Breaks()));
    }

    [Fact]
    public void Default_arrays_from_a_careless_producer_are_written_as_empty()
    {
        var report = SampleReports.Safe() with { Missing = default, Notes = default, Findings = default };
        using var doc = JsonDocument.Parse(SampleReports.Render("json", report));
        Assert.Equal(0, doc.RootElement.GetProperty("missing").GetArrayLength());
        Assert.Equal(0, doc.RootElement.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public void Every_ChangeKind_has_a_key_in_the_schema()
    {
        var schema = File.ReadAllText(RepoRoot.File("docs", "report.schema.json"));
        foreach (var kind in Enum.GetValues<ChangeKind>())
            Assert.Contains($"\"{kind.ToWire()}\"", schema);
        foreach (var when in Enum.GetValues<TimeToImpact>())
            Assert.Contains($"\"{when.ToWire()}\"", schema);
        foreach (var severity in Enum.GetValues<Severity>())
            Assert.Contains($"\"{severity.ToWire()}\"", schema);
    }
}
