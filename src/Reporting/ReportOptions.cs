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

    /// <summary>How many nodes/instances the short text report names per incident before "and N more".</summary>
    public int ShortListed { get; init; } = 3;

    /// <summary>Text: every finding with its evidence chain instead of one short block per incident.</summary>
    public bool Verbose { get; init; }

    /// <summary>Markdown: the most characters written (65,536 is GitHub's limit for a comment body; a job summary allows
    /// 1 MiB). Past it the least severe findings are left out, and a line says how many and where the full report is.</summary>
    public int MaxMarkdownChars { get; init; } = Markdown.MarkdownLimits.GitHubComment;

    /// <summary>Markdown: where the full report is (e.g. "the SARIF file kalc-iac.sarif"), named when findings are left out.</summary>
    public string? FullReport { get; init; }

    /// <summary>SARIF: how finding files become repository-relative artifact locations (the CLI fills it from the file system).</summary>
    public Sarif.SarifArtifacts? Artifacts { get; init; }
}
