using System.Collections.Immutable;
using System.Text;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Reporting;
using Pulumirpc;

namespace Kalc.Iac.PulumiPolicy;

/// <summary>Findings and unknowns as the engine's <c>AnalyzeDiagnostic</c>s. A finding is reported under its rule
/// family's policy; a mandatory (or remediate) policy makes findings at or above <c>failOn</c> mandatory and the rest
/// advisory; an advisory policy keeps them all advisory. A finding on a resource the update deletes keeps its URN in
/// the message: the engine reports a URN that is no longer in the stack on the stack itself
/// (<c>resolveStackPolicyViolationURN</c>, pkg/resource/deploy/analyze_snapshot.go).</summary>
internal static class Diagnostics
{
    private const int MaxMissingLines = 12;

    public static IEnumerable<AnalyzeDiagnostic> ForFindings(AnalysisReport report, PackPolicies policies,
        IReadOnlyDictionary<string, EnforcementLevel> levels, PackSettings settings, IReadOnlySet<string>? stackUrns)
    {
        foreach (var f in report.Findings)
        {
            var policy = policies.PolicyOf(f.RuleId);
            var level = levels.GetValueOrDefault(policy, EnforcementLevel.Advisory);
            if (level == EnforcementLevel.Disabled) continue;
            var mandatory = level is EnforcementLevel.Mandatory or EnforcementLevel.Remediate && f.Severity >= settings.FailOn;
            var urn = f.Change?.Address is { } a && a.StartsWith("urn:pulumi:", StringComparison.Ordinal) ? a : "";
            var gone = urn.Length > 0 && stackUrns is not null && !stackUrns.Contains(urn);
            yield return new AnalyzeDiagnostic
            {
                PolicyName = policy,
                PolicyPackName = PackPolicies.PackName,
                PolicyPackVersion = ToolInfo.Version,
                Description = policies.Descriptor(f.RuleId)?.Title ?? f.Title,
                Message = Message(f, urn, gone),
                EnforcementLevel = mandatory ? EnforcementLevel.Mandatory : EnforcementLevel.Advisory,
                Urn = urn,
                Severity = Severities.Of(f.Severity),
            };
        }
    }

    /// <summary>What the pack could not know, so that an incomplete analysis is never a silent pass.</summary>
    public static AnalyzeDiagnostic? ForUnknowns(AnalysisReport report, PreviousStack previous, PackSettings settings, EnforcementLevel level)
    {
        var lines = new List<string>();
        if (settings.AwsState is null)
            lines.Add("no AWS state given (kalc-iac-state config awsState): who uses which role, profile and policy is not known");
        if (settings.K8sState is null)
            lines.Add("no Kubernetes state given (kalc-iac-state config k8sState): the nodes and components an AWS change reaches are not known");
        if (previous.WhyUnknown is { } why)
            lines.Add($"the stack before this update is not known ({why}): deletions and replacements cannot be seen, only the resources' new values were judged");
        lines.AddRange(report.Missing);
        if (lines.Count == 0 && report.Verdict != Verdict.Incomplete) return null;
        var sb = new StringBuilder("kalc-iac cannot judge all of this update; it is not known to be safe for the cluster:");
        foreach (var line in lines.Take(MaxMissingLines)) sb.Append("\n- ").Append(SafeText.Clean(line));
        if (lines.Count > MaxMissingLines) sb.Append($"\n- and {lines.Count - MaxMissingLines} more");
        foreach (var note in report.Notes) sb.Append("\nnote: ").Append(SafeText.Clean(note));
        return new AnalyzeDiagnostic
        {
            PolicyName = PackPolicies.StatePolicy,
            PolicyPackName = PackPolicies.PackName,
            PolicyPackVersion = ToolInfo.Version,
            Description = "kalc-iac could not judge part of this update",
            Message = sb.ToString(),
            EnforcementLevel = level is EnforcementLevel.Mandatory or EnforcementLevel.Remediate ? EnforcementLevel.Mandatory : EnforcementLevel.Advisory,
            Severity = PolicySeverity.Medium,
        };
    }

    /// <summary>Identifies a diagnostic so that one reported by Analyze is not repeated by AnalyzeStack.</summary>
    public static string Key(AnalyzeDiagnostic d) => d.PolicyName + "\n" + d.Urn + "\n" + d.Message;

    private static string Message(Finding f, string urn, bool gone)
    {
        var sb = new StringBuilder();
        sb.Append(f.RuleId).Append(' ').Append(SafeText.Clean(f.Title)).Append(": ").Append(SafeText.Clean(f.Message));
        if (gone) sb.Append("\nResource: ").Append(SafeText.Clean(urn)).Append(" (removed from the stack by this update)");
        Line(sb, "Components", f.Impact.Components);
        Line(sb, "Nodes", f.Impact.Nodes);
        Line(sb, "Instances", f.Impact.Instances);
        Line(sb, "Service accounts", f.Impact.ServiceAccounts);
        sb.Append("\nWhen: ").Append(f.Impact.TimeToImpact.ToWire());
        sb.Append("\nFix: ").Append(SafeText.Clean(f.Remediation));
        sb.Append("\nMore: ").Append(RuleDescriptors.DocsBase).Append(f.RuleId).Append(".md");
        return sb.ToString();
    }

    private static void Line(StringBuilder sb, string label, ImmutableArray<string> items)
    {
        if (items.IsDefaultOrEmpty) return;
        sb.Append('\n').Append(label).Append(": ").AppendJoin(", ", items.Select(SafeText.Clean));
    }
}
