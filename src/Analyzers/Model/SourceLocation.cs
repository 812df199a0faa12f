namespace Kalc.Iac.Analyzers.Model;

/// <summary>A file and line a finding points at (for SARIF and editors); with <c>--source</c> also the column and the text
/// of that line in the user's configuration.</summary>
public sealed record SourceLocation(string File, int? Line)
{
    public int? Column { get; init; }

    /// <summary>The source line itself, shown under the finding in text output.</summary>
    public string? LineText { get; init; }
}
