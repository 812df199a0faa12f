namespace Kalc.Iac.Reporting.Sarif;

/// <summary>How a finding's file becomes a SARIF physical location in the repository. Code scanning needs every result
/// located in a repository file, relative to the repository root (docs/integrations.md#code-scanning): a file the finding
/// names when it exists inside the root, else <see cref="Fallback"/> (the plan file, or the inventory's hosts file).
/// The CLI fills this from the file system; the reporter does no I/O of its own.</summary>
public sealed record SarifArtifacts
{
    /// <summary>Absolute: the git top level, or --source / the working directory outside a repository.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>Absolute: relative file names in findings are relative to it (the process's working directory), or else to
    /// <see cref="RepositoryRoot"/> (the files of the user's configuration found with --source).</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>Absolute, optional: what <c>--source</c> locations are shown relative to (the configuration's git root,
    /// else the working directory); a relative file name that is not found from the working directory is looked up here.</summary>
    public string? SourceDisplayRoot { get; init; }

    /// <summary>The file results point at when their own file is unknown, missing or outside the repository; null when none.</summary>
    public string? Fallback { get; init; }

    /// <summary>Whether a file exists (the CLI passes File.Exists).</summary>
    public Func<string, bool> Exists { get; init; } = _ => false;

    /// <summary>The repository-relative URI (forward slashes, percent-encoded) and line for a finding's file, or the
    /// fallback at line 1; null when neither is a file inside the repository.</summary>
    public (string Uri, int Line)? Locate(string? file, int? line)
    {
        if (file is { Length: > 0 } && Relative(file) is { } uri) return (uri, line is > 0 ? line.Value : 1);
        if (Fallback is { Length: > 0 } fallback && Relative(fallback) is { } fallbackUri) return (fallbackUri, 1);
        return null;
    }

    private string? Relative(string file)
    {
        if (file == "-") return null;
        // --source locations are relative to the configuration's root, or to the repository root, which is above the
        // working directory when kalc-iac runs in a subdirectory of the repository.
        var full = Existing(file, WorkingDirectory) ?? (SourceDisplayRoot is { } display ? Existing(file, display) : null)
            ?? (Path.IsPathRooted(file) ? null : Existing(file, RepositoryRoot));
        if (full is null) return null;
        var relative = Path.GetRelativePath(RepositoryRoot, full);
        if (Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return null;
        return SarifUri.Of(relative).Uri;
    }

    private string? Existing(string file, string baseDirectory)
    {
        try
        {
            var full = Path.GetFullPath(file, baseDirectory);
            return Exists(full) ? full : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
