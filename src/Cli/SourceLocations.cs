using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.PlanParser.Terraform.Source;

namespace Kalc.Iac.Cli;

/// <summary>--source TF_DIR (default: the current directory when it holds .tf/.tofu files): points each finding at the
/// place in the user's configuration that declares its resource - the resource block, or the <c>module</c> block that
/// calls the module it is in - instead of the plan line. How the place was reached becomes an evidence step.</summary>
internal static class SourceLocations
{
    /// <summary>The configuration directory to read: --source, else the working directory when it holds Terraform files.</summary>
    public static string? DirectoryFor(string? source, string workingDirectory) =>
        source ?? (TerraformConfiguration.HoldsConfiguration(workingDirectory) ? workingDirectory : null);

    public static AnalysisReport Apply(AnalysisReport report, TerraformConfiguration? configuration)
    {
        if (configuration is null) return report;
        var findings = report.Findings.Select(f =>
            f.Change?.Address is { } address && configuration.Locate(address) is { } site ? Located(f, site) : f);
        var notes = configuration.Root.Resources.Count == 0 && configuration.Root.Calls.Count == 0
            ? report.Notes.Add($"--source {configuration.RootDirectory}: no resource or module blocks found")
            : report.Notes;
        return report with { Findings = [.. findings], Notes = notes };
    }

    private static Finding Located(Finding f, SourceSite site) => f with
    {
        Source = new Core.SourceRef(site.File, site.Line) { Column = site.Column, LineText = site.LineText },
        Evidence = site.Note is { } note ? f.Evidence.Add(new Evidence(note, new Core.SourceRef(site.File, site.Line) { Column = site.Column })) : f.Evidence,
    };
}
