using Kalc.Iac.PlanParser.Terraform.Source;
using Kalc.Iac.Reporting.Sarif;

namespace Kalc.Iac.Cli;

/// <summary>Where SARIF locations are relative to and what they fall back to (docs/report-format.md, "Physical
/// locations"): the repository root is the nearest directory holding <c>.git</c> (a directory, or the file of a
/// worktree / submodule) above the files analysed - the <c>--source</c> configuration, else the plan file, else the
/// kubespray inventory - and only when none of them is in a repository, above the working directory; so the URIs are
/// the same whatever directory kalc-iac runs from. Outside any repository: --source, else the working directory.
/// A finding whose file is unknown, missing or outside the root points at the plan file, or for kubespray at the
/// inventory file (a hosts file inside an inventory directory), or when the plan came on stdin at the first .tf file of
/// --source.</summary>
internal static class RepositoryFiles
{
    private static readonly string[] InventoryFiles = ["hosts.yaml", "hosts.yml", "hosts.ini", "inventory.ini", "hosts", "inventory.yaml", "inventory.yml"];

    public static SarifArtifacts Artifacts(CliOptions o, TerraformConfiguration? configuration) =>
        Artifacts(o, configuration, Directory.GetCurrentDirectory());

    public static SarifArtifacts Artifacts(CliOptions o, TerraformConfiguration? configuration, string workingDirectory)
    {
        var cwd = Path.GetFullPath(workingDirectory);
        return new SarifArtifacts
        {
            RepositoryRoot = RepositoryRoot(o, configuration, cwd),
            WorkingDirectory = cwd,
            // --source locations are shown relative to the configuration's own root (its git root, else the working directory).
            SourceDisplayRoot = configuration?.DisplayRoot,
            Fallback = Fallback(o),
            Exists = File.Exists,
        };
    }

    /// <summary>The git top level above the first analysed file that is in a repository, else above the working
    /// directory; outside any repository --source (when a directory), else the working directory.</summary>
    public static string RepositoryRoot(CliOptions o, TerraformConfiguration? configuration, string cwd)
    {
        foreach (var anchor in Anchors(o, configuration, cwd))
            if (GitTopLevel(anchor) is { } top) return top;
        return o.Source is { } source && Directory.Exists(Path.GetFullPath(source, cwd)) ? Path.GetFullPath(source, cwd) : cwd;
    }

    private static IEnumerable<string> Anchors(CliOptions o, TerraformConfiguration? configuration, string cwd)
    {
        if (configuration is not null) yield return configuration.RootDirectory;
        if (o.Source is { Length: > 0 } source) yield return Path.GetFullPath(source, cwd);
        if (o.Plan is { Length: > 0 } plan && plan != "-" && Path.GetDirectoryName(Path.GetFullPath(plan, cwd)) is { } planDir) yield return planDir;
        if (o.Kubespray is { Length: > 0 } inventory) yield return Path.GetFullPath(inventory, cwd);
        yield return cwd;
    }

    public static string? GitTopLevel(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git)) return dir.FullName;
        }
        return null;
    }

    private static string? Fallback(CliOptions o)
    {
        if (o.Kubespray is { } inventory)
            return Directory.Exists(inventory)
                ? InventoryFiles.Select(f => Path.Combine(inventory, f)).FirstOrDefault(File.Exists)
                : inventory;
        if (o.Plan is { } plan && plan != "-") return plan;
        if (o.Source is { } dir && Directory.Exists(dir))
            return Directory.EnumerateFiles(dir, "*.tf").Order(StringComparer.Ordinal).FirstOrDefault();
        return null;
    }
}
