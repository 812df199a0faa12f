namespace Kalc.Iac.Reporting;

/// <summary>How to render a report. The CLI decides colour (a TTY and NO_COLOR unset); reporters never look at the environment.</summary>
public sealed record ReportOptions
{
    public static readonly ReportOptions Default = new();

    /// <summary>Use ANSI colours (text reporter only).</summary>
    public bool Color { get; init; }

    /// <summary>Terminal width for the text reporter; lines are wrapped to fit.</summary>
    public int Width { get; init; } = 80;

    /// <summary>Version printed as the tool's; defaults to this assembly's (tests pin it so goldens survive a release).</summary>
    public string ToolVersion { get; init; } = ToolInfo.Version;

    /// <summary>How many nodes/instances the text and Markdown reporters list before "and N more" (JSON and SARIF list all).</summary>
    public int MaxListed { get; init; } = 5;
}
