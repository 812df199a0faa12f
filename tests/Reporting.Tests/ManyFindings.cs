using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Reporting.Tests;

/// <summary>A report with thousands of findings (a plan that tears down a large fleet), generated rather than stored:
/// every severity, long messages and evidence, node lists, and a few hostile strings.</summary>
internal static class ManyFindings
{
    public static AnalysisReport Report(int count)
    {
        var severities = Enum.GetValues<Severity>();
        var findings = Enumerable.Range(0, count).Select(i =>
        {
            var severity = severities[i % severities.Length];
            var nodes = Enumerable.Range(0, 1 + i % 40).Select(n => $"ip-10-{i % 250}-{n}-{i % 7}.eu-west-1.compute.internal").ToArray();
            return new Finding
            {
                RuleId = $"KIAC1{i % 5:00}",
                Severity = severity,
                Title = $"Generated finding {i} | <b>not html</b>",
                Message = $"Role node-role-{i} of instance profile node-profile-{i} is destroyed: {nodes.Length} nodes lose their AWS credentials. " + new string('x', i % 300),
                Change = new ChangeRef($"module.fleet[{i}].aws_iam_role.node", ["delete"]),
                Source = i % 3 == 0 ? null : new SourceRef($"modules/fleet-{i % 17}/main.tf", 1 + i % 90),
                Impact = new Impact
                {
                    Components = ["kubelet", "aws-node"],
                    Nodes = [.. nodes],
                    Instances = [.. nodes.Select((_, n) => $"i-{i:x8}{n:x4}")],
                    TimeToImpact = i % 2 == 0 ? TimeToImpact.Immediate : TimeToImpact.OnCredentialRefresh,
                },
                Evidence = [.. Enumerable.Range(0, 8).Select(e => new Evidence($"step {e} of finding {i}: " + new string('e', 80), SourceRef.Of($"plan.json:{i * 10 + e}")))],
                Remediation = "Keep the role in the profile until the nodes move to another one.",
            };
        });
        return new AnalysisReport
        {
            Verdict = Verdict.Breaks,
            Input = new InputInfo("terraform-json", "1.2", "terraform 1.9.5"),
            Changes = SampleReports.Summary(count, 0, 0, (ChangeKind.Delete, count)),
            Findings = [.. findings],
            Missing = [.. Enumerable.Range(0, count).Select(i => $"ec2 describe-instances page {i}: throttled")],
            Notes = [.. Enumerable.Range(0, count).Select(i => $"note {i}: nodes inferred from EC2 tags")],
            Rules = [SampleReports.ProfileDeleted],
        };
    }
}
