using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.Reporting.Sarif;

/// <summary>SARIF result levels from severities: critical/high fail a code-scanning check, medium warns, the rest are notes.</summary>
public static class SarifLevel
{
    public static string Of(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };
}
