using System.Text;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;
using Kalc.Iac.PlanParser.Terraform.Json;

namespace Kalc.Iac.PlanParser.Tests;

/// <summary>Every real plan JSON we have is read, and what is read agrees with an independent look at the same file.</summary>
public class TerraformJsonFixtureTests
{
    public static TheoryData<string> Plans() => new(Fixtures.TerraformJsonPlans());

    [Theory]
    [MemberData(nameof(Plans))]
    public void Every_fixture_plan_is_read_with_every_resource_change_in_order(string relative)
    {
        var bytes = Fixtures.Bytes(relative);
        var result = TerraformJsonPlanReader.Read(bytes, relative);

        Assert.True(result.IsOk, result.Error?.ToString());
        using var doc = JsonDocument.Parse(Utf8Of(bytes));
        var root = doc.RootElement;
        var expected = root.TryGetProperty("resource_changes", out var rcs) ? rcs.EnumerateArray().ToList() : [];
        Assert.Equal(expected.Count, result.Value.ResourceChanges.Length);
        for (var i = 0; i < expected.Count; i++)
        {
            var actual = result.Value.ResourceChanges[i];
            Assert.Equal(expected[i].GetProperty("address").GetString(), actual.Address);
            Assert.Equal(expected[i].GetProperty("type").GetString(), actual.Type);
            var actions = expected[i].GetProperty("change").GetProperty("actions").EnumerateArray().Select(a => a.GetString()!).ToList();
            Assert.Equal(actions, actual.Actions.Select(a => a.ToWire()).ToList());
            Assert.Equal($"resource_changes[{i}]", actual.Source.Path);
            Assert.True(actual.Source.Line > 0);
            Assert.Equal(actual.Source.Line, actual.SourceLine);
            Assert.Equal(actual.Source.File, actual.SourceFile);
            // A copy given another source (as the text plan's project labels do) says that source, not the element's.
            var moved = actual with { Source = SourceRef.Of("elsewhere.json", 7, "somewhere") };
            Assert.Equal(("elsewhere.json", 7, "somewhere"), (moved.Source.File, moved.Source.Line, moved.Source.Path));
            Assert.Equal(7, moved.SourceLine);
        }
        var drift = root.TryGetProperty("resource_drift", out var d) ? d.GetArrayLength() : 0;
        Assert.Equal(drift, result.Value.Drift.Length);
        Assert.Equal(root.GetProperty("format_version").GetString(), result.Value.FormatVersion);
        Assert.Equal(InputKind.TerraformJson, result.Value.Kind);
    }

    [Fact]
    public void The_source_line_is_the_line_where_the_resource_change_object_opens()
    {
        const string file = "terraform-plans/synthetic/deposed-and-replace-fmt1.2.json";
        var text = File.ReadAllLines(Fixtures.Path(file));
        var change = TerraformJsonPlanReader.Read(Fixtures.Bytes(file), file).Value!;

        var second = change.ResourceChanges[1];
        Assert.Equal("{", text[second.Source.Line!.Value - 1].Trim());
        Assert.Contains("\"address\": \"module.nodes.aws_iam_instance_profile.node\"", text[second.Source.Line!.Value], StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf16_plan_written_by_powershell_is_read_like_any_other()
    {
        const string file = "terraform-plans/json/bridgecrewio-checkov/windows-utf16le-bom-crlf-tf1.2.2.json";
        var bytes = Fixtures.Bytes(file);
        Assert.Equal([0xFF, 0xFE], bytes[..2]);

        var change = TerraformJsonPlanReader.Read(bytes, file);

        Assert.True(change.IsOk, change.Error?.ToString());
        Assert.Equal("1.1", change.Value.FormatVersion);
        Assert.Equal("terraform 1.2.2", change.Value.Producer);
        var rc = Assert.Single(change.Value.ResourceChanges);
        Assert.Equal(ChangeKind.Create, rc.Kind);
    }

    [Theory]
    [InlineData("terraform-plans/json/hashicorp-terraform-json/basic-tf0.12.11.json", "0.1", "terraform 0.12.11")]
    [InlineData("terraform-plans/json/hashicorp-terraform-json/sensitive-values-fmt0.2-tf1.1.0-dev.json", "0.2", "terraform 1.1.0-dev")]
    [InlineData("terraform-plans/json/hashicorp-terraform-json/basic-fmt1.0-tf1.1.0-dev.json", "1.0", "terraform 1.1.0-dev")]
    [InlineData("terraform-plans/json/hashicorp-terraform-json/basic-fmt1.1-tf1.2.0-rc1.json", "1.1", "terraform 1.2.0-rc1")]
    [InlineData("terraform-plans/json/hashicorp-terraform-json/moved-block-tf1.5.3.json", "1.2", "terraform 1.5.3")]
    [InlineData("terraform-plans/json/hashicorp-terraform-json/basic-plan-0.15-no-terraform-version.json", "0.1", null)]
    [InlineData("terraform-plans/json/opentofu-opentofu/tofu-show-json-identity-update-1.12.0-dev.json", "1.2", "opentofu 1.12.0-dev")]
    public void Format_version_and_producer_are_reported_as_the_plan_states_them(string file, string version, string? producer)
    {
        var change = TerraformJsonPlanReader.Read(Fixtures.Bytes(file), file).Value!;

        Assert.Equal(version, change.FormatVersion);
        Assert.Equal(producer, change.Producer);
    }

    [Theory]
    [InlineData("1.3")]
    [InlineData("1.10")]
    [InlineData("1.99")]
    public void Later_1x_format_versions_are_accepted(string version)
    {
        var change = TerraformJsonPlanReader.Read(WithVersion(version), "plan.json");

        Assert.True(change.IsOk, change.Error?.ToString());
        Assert.Equal(version, change.Value.FormatVersion);
        Assert.Equal(3, change.Value.ResourceChanges.Length);
    }

    [Theory]
    [InlineData("2.0", "unsupported format_version 2.0 (")]
    [InlineData("3.1", "unsupported format_version 3.1 (")]
    [InlineData("x.y", "unsupported format_version (")]
    public void Unknown_major_format_versions_are_refused_by_name_when_the_name_is_a_version(string version, string expected)
    {
        var change = TerraformJsonPlanReader.Read(WithVersion(version), "plan.json");

        Assert.False(change.IsOk);
        Assert.Contains(expected, change.Error.Reason, StringComparison.Ordinal);
        Assert.Equal("plan.json", change.Error.File);
    }

    [Fact]
    public void Output_changes_are_not_counted_as_resource_changes()
    {
        const string file = "terraform-plans/paired/opentofu-equivalence/variables_and_outputs/plan.json";
        var change = TerraformJsonPlanReader.Read(Fixtures.Bytes(file), file);

        Assert.True(change.IsOk, change.Error?.ToString());
        Assert.Empty(change.Value.ResourceChanges);
    }

    [Fact]
    public void Drift_is_kept_apart_from_the_changes_apply_would_make()
    {
        const string file = "terraform-plans/json/dineshba-tf-summarize/github-for-each-modules-fmt1.0-tf1.1.4.json";
        var change = TerraformJsonPlanReader.Read(Fixtures.Bytes(file), file).Value!;

        Assert.NotEmpty(change.Drift);
        Assert.All(change.Drift, d => Assert.StartsWith("resource_drift[", d.Source.Path, StringComparison.Ordinal));
        Assert.Equal(8, change.ResourceChanges.Length);
    }

    internal static byte[] WithVersion(string version)
    {
        var text = File.ReadAllText(Fixtures.Path("terraform-plans/synthetic/deposed-and-replace-fmt1.2.json"));
        return Encoding.UTF8.GetBytes(text.Replace("\"format_version\": \"1.2\"", $"\"format_version\": \"{version}\"", StringComparison.Ordinal));
    }

    private static byte[] Utf8Of(byte[] bytes) =>
        bytes is [0xFF, 0xFE, ..] ? Encoding.UTF8.GetBytes(Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2)) :
        bytes is [0xEF, 0xBB, 0xBF, ..] ? bytes[3..] : bytes;
}
