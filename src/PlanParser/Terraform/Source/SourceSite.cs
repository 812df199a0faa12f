namespace Kalc.Iac.PlanParser.Terraform.Source;

/// <summary>A place in the user's configuration: file (relative to the repository root when inside one), 1-based line and
/// column, and the text of that line. <see cref="Note"/> says how it was reached when that is not obvious (the finding's
/// resource is inside the module this block calls; a moved or import block).</summary>
public sealed record SourceSite(string File, int Line, int Column, string LineText)
{
    public string? Note { get; init; }

    /// <summary>"file:line:column".</summary>
    public string Location => $"{File}:{Line}:{Column}";
}
