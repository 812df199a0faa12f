using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Reporting.Tests;

/// <summary>A report whose model strings carry what a hostile plan or state could put in names:
/// terminal escapes, control characters, bidi overrides, Markdown, HTML, table pipes, JSON quotes.</summary>
internal static class HostileReport
{
    public const string Escape = "\u001b[2J\u001b]0;pwned\u0007";

    public static AnalysisReport Build() => new()
    {
        Verdict = Verdict.Breaks,
        Input = new InputInfo("terraform-json", "1.2", "terraform 1.9.5"),
        Changes = SampleReports.Summary(1, 0, 0, (ChangeKind.Delete, 1)),
        Findings =
        [
            new Finding
            {
                RuleId = "KIAC101",
                Severity = Severity.Critical,
                Title = "Node instance profile deleted",
                Message = $"profile {Escape}evil\u202Egnp.exe\u0008\u0008 with | pipes | and **bold** <script>alert(1)</script> \"quoted\"",
                Change = new ChangeRef($"aws_iam_instance_profile.x[\"a|b`c\"]{Escape}", ["delete"]),
                Source = new SourceRef("modules/my iam/main.tf", 3),
                Impact = new Impact
                {
                    Components = ["kubelet"],
                    Nodes = [$"node{Escape}-1", "[click](https://evil.example)"],
                    TimeToImpact = TimeToImpact.Immediate,
                },
                Evidence = [new($"fact with\nnewline and {Escape}", SourceRef.Of("from </details><details open>"))],
                Remediation = "# not a heading\n- not a list",
            },
        ],
        Rules = [SampleReports.ProfileDeleted],
    };
}
