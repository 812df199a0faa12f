using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.PlanParser.Terraform.Source;
using Kalc.Iac.PlanParser.Terraform.Source.Values;

namespace Kalc.Iac.Cli;

/// <summary>--source TF_DIR (default: the current directory when it holds .tf/.tofu files): points each finding at the
/// place in the user's configuration that declares its resource - the resource block, or the <c>module</c> block that
/// calls the module it is in - instead of the plan line. How the place was reached becomes an evidence step, and so
/// does every value filled into a text plan from the configuration and where its variables came from.</summary>
internal static class SourceLocations
{
    /// <summary>The configuration directory to read: --source, else the working directory when it holds Terraform files.</summary>
    public static string? DirectoryFor(string? source, string workingDirectory) =>
        source ?? (TerraformConfiguration.HoldsConfiguration(workingDirectory) ? workingDirectory : null);

    public static AnalysisReport Apply(AnalysisReport report, TerraformConfiguration? configuration, ImmutableArray<FilledValue> filled = default,
        IReadOnlyDictionary<string, PlanParser.Model.PlanModuleCall>? planCalls = null)
    {
        if (configuration is null) return report;
        filled = filled.IsDefault ? [] : filled;
        var byAddress = filled.ToLookup(v => v.Address, StringComparer.Ordinal);
        var findings = report.Findings.Select(f =>
        {
            var located = f.Change?.Address is { } address && configuration.Locate(address, planCalls) is { } site ? Located(f, site) : f;
            return f.Change?.Address is { } a && byAddress.Contains(a) ? WithValues(located, byAddress[a]) : located;
        });
        var notes = configuration.Root.Resources.Count == 0 && configuration.Root.Calls.Count == 0
            ? report.Notes.Add($"--source {configuration.RootDirectory}: no resource or module blocks found")
            : report.Notes;
        notes = notes.AddRange(filled.Select(v => $"filled from the configuration (the text plan does not show it): {v.Address}: {v.Describe()}"));
        return report with { Findings = [.. findings], Notes = notes };
    }

    private static Finding Located(Finding f, SourceSite site) => f with
    {
        Source = new Core.SourceRef(site.File, site.Line) { Column = site.Column, LineText = site.LineText },
        Evidence = site.Note is { } note ? f.Evidence.Add(new Evidence(note, new Core.SourceRef(site.File, site.Line) { Column = site.Column })) : f.Evidence,
    };

    /// <summary>One evidence step per filled value (at the attribute in the configuration) and one per variable value
    /// it was computed from (at the .tfvars line, or naming the environment variable).</summary>
    private static Finding WithValues(Finding f, IEnumerable<FilledValue> values)
    {
        var evidence = f.Evidence;
        foreach (var v in values)
        {
            evidence = evidence.Add(new Evidence($"the text plan does not show {v.Attribute}; the configuration gives {v.Describe(withOrigins: false)}",
                new Core.SourceRef(v.Site.File, v.Site.Line) { Column = v.Site.Column, LineText = v.Site.LineText }));
            foreach (var origin in v.Origins)
                evidence = evidence.Add(new Evidence($"{origin} (used for {v.Attribute})",
                    origin.File is { } file ? new Core.SourceRef(file, origin.Line) : Core.SourceRef.Analysis("environment variable " + origin.Where)));
        }
        return f with { Evidence = evidence };
    }
}
