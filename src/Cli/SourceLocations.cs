using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.PlanParser.Terraform.Source;

namespace Kalc.Iac.Cli;

/// <summary>--source TF_DIR: points each finding at the .tf line that declares its resource instead of the plan line.</summary>
internal static class SourceLocations
{
    public static AnalysisReport Apply(AnalysisReport report, string? sourceDir)
    {
        if (sourceDir is null) return report;
        var index = TerraformSourceIndex.Read(sourceDir).Unwrap();
        var findings = report.Findings.Select(f =>
            f.Change?.Address is { } address && index.Find(address) is { } d ? f with { Source = new Core.SourceRef(d.File, d.Line) } : f);
        var notes = index.Count == 0 ? report.Notes.Add($"--source {sourceDir}: no resource blocks found") : report.Notes;
        return report with { Findings = [.. findings], Notes = notes };
    }
}
