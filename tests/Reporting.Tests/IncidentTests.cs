using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Core;
using Kalc.Iac.Reporting.Incidents;

namespace Kalc.Iac.Reporting.Tests;

public sealed class IncidentTests
{
    private static Finding RoleDeletion() => SampleReports.InstanceProfileDeletion() with
    {
        RuleId = "KIAC102",
        Title = "Role of the nodes' instance profile is destroyed",
        Message = "Role kube-node-role of instance profile kube-node is destroyed.",
        Change = new ChangeRef("module.iam.aws_iam_role.kube_node", ["delete"]),
        Source = new SourceRef("modules/iam/main.tf", 12),
        Impact = SampleReports.InstanceProfileDeletion().Impact with { TimeToImpact = TimeToImpact.Immediate },
        Remediation = "Keep the role in the profile.",
    };

    private static readonly RuleDescriptor RoleRemoved = RuleDescriptors.Create(
        "KIAC102", "node-credentials", "Role removed", Severity.Critical, "why", "fix", "kubelet");

    [Fact]
    public void A_profile_and_its_role_on_the_same_nodes_are_one_incident()
    {
        var incidents = IncidentGrouping.Group([RoleDeletion(), SampleReports.InstanceProfileDeletion()], [SampleReports.ProfileDeleted, RoleRemoved]);

        var incident = Assert.Single(incidents);
        Assert.Equal("KIAC101,KIAC102", string.Join(',', incident.RuleIds));
        Assert.Equal(3, incident.Nodes.Length);
        Assert.Equal(TimeToImpact.Immediate, incident.Times[0].When);
        Assert.Equal(2, incident.Fixes.Length);
    }

    [Fact]
    public void The_same_rule_on_other_nodes_is_another_incident()
    {
        var other = RoleDeletion() with { Impact = RoleDeletion().Impact with { Nodes = ["ip-10-9-9-9.eu-west-1.compute.internal"], Instances = ["i-09"] } };

        Assert.Equal(2, IncidentGrouping.Group([RoleDeletion(), other], [RoleRemoved]).Length);
    }

    [Fact]
    public void Findings_that_name_no_machine_or_account_are_never_merged()
    {
        var bare = SampleReports.IrsaTrustRemoved() with { Impact = new Impact { Components = ["x"], TimeToImpact = TimeToImpact.Immediate } };

        Assert.Equal(2, IncidentGrouping.Group([bare, bare with { Message = "another" }], [SampleReports.IrsaTrustBroken]).Length);
    }

    [Fact]
    public void The_short_text_report_prints_one_block_per_incident_with_every_change_its_rules_when_and_fix()
    {
        var report = SampleReports.Breaks() with { Findings = [RoleDeletion(), SampleReports.InstanceProfileDeletion()], Rules = [SampleReports.ProfileDeleted, RoleRemoved] };

        var text = SampleReports.Render("text", report, SampleReports.Options with { Width = 120 });

        Assert.StartsWith("kalc-iac: breaks — 2 findings (2 critical), 1 incident in 14 changes\n", text);
        Assert.Single(text.Split('\n'), l => l.StartsWith("CRITICAL", StringComparison.Ordinal));
        Assert.Contains("module.iam.aws_iam_instance_profile.kube_node (delete) at modules/iam/main.tf:42 [KIAC101]", text);
        Assert.Contains("module.iam.aws_iam_role.kube_node (delete) at modules/iam/main.tf:12 [KIAC102]", text);
        Assert.Contains("when        immediate (KIAC102)", text);
        Assert.Contains("on-credential-refresh (KIAC101)", text);
        Assert.Contains("fix         KIAC101: Keep the instance profile", text);
        Assert.Contains("KIAC102: Keep the role in the profile.", text);
        Assert.DoesNotContain("  evidence", text);
        Assert.Contains("--verbose", text);
    }

    [Fact]
    public void Node_lists_in_the_short_report_give_the_count_and_the_first_few()
    {
        var finding = SampleReports.InstanceProfileDeletion();
        finding = finding with { Impact = finding.Impact with { Nodes = [.. Enumerable.Range(1, 40).Select(i => $"node-{i}")] } };

        var text = SampleReports.Render("text", SampleReports.Breaks() with { Findings = [finding] });

        Assert.Contains("nodes       40: node-1, node-2, node-3 and 37 more", text);
    }

    [Fact]
    public void Verbose_prints_every_finding_with_its_evidence()
    {
        var report = SampleReports.Breaks() with { Findings = [RoleDeletion(), SampleReports.InstanceProfileDeletion()], Rules = [SampleReports.ProfileDeleted, RoleRemoved] };

        var text = SampleReports.Render("text", report, SampleReports.Options with { Verbose = true });

        Assert.Equal(2, text.Split('\n').Count(l => l.StartsWith("CRITICAL", StringComparison.Ordinal)));
        Assert.Contains("  evidence", text);
        Assert.Contains("7. on-credential-refresh", text);
    }
}
