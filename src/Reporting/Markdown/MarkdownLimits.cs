namespace Kalc.Iac.Reporting.Markdown;

/// <summary>Where Markdown reports are posted and how much each host accepts.</summary>
public static class MarkdownLimits
{
    /// <summary>GitHub rejects an issue or pull-request comment body over 65,536 characters
    /// (REST API: "body is too long (maximum is 65536 characters)"). Atlantis splits its own comments at a lower limit,
    /// so this is also safe for an Atlantis policy-check comment.</summary>
    public const int GitHubComment = 65_536;

    /// <summary>GitHub Actions drops a step's job summary over 1 MiB
    /// (https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/workflow-commands-for-github-actions#step-isolation-and-limits).</summary>
    public const int GitHubJobSummaryBytes = 1024 * 1024;
}
