using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.Reporting;

/// <summary>Renders an <see cref="AnalysisReport"/> in one format. Reporters only print; they never decide anything.</summary>
public interface IReporter
{
    /// <summary>The --format name: text, json, sarif or markdown.</summary>
    string Format { get; }

    void Write(AnalysisReport report, TextWriter output, ReportOptions options);
}
