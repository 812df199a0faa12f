namespace Kalc.Iac.Analyzers.Model;

/// <summary>A file and line a finding points at (for SARIF and editors).</summary>
public sealed record SourceLocation(string File, int? Line);
