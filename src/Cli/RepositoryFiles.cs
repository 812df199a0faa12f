using Kalc.Iac.Reporting.Sarif;

namespace Kalc.Iac.Cli;

/// <summary>Where SARIF locations are relative to and what they fall back to (docs/integrations.md#code-scanning):
/// the repository root is the nearest directory above the working directory holding <c>.git</c> (a directory, or the
/// file of a worktree / submodule); outside a repository, --source or else the working directory. A finding whose
/// file is unknown, missing or outside the root points at the plan file, or for kubespray at the inventory file
/// (a hosts file inside an inventory directory), or when the plan came on stdin at the first .tf file of --source.</summary>
internal static class RepositoryFiles
{
    private static readonly string[] InventoryFiles = ["hosts.yaml", "hosts.yml", "hosts.ini", "inventory.ini", "hosts", "inventory.yaml", "inventory.yml"];

    public static SarifArtifacts Artifacts(CliOptions o)
    {
        var cwd = Directory.GetCurrentDirectory();
        var root = GitTopLevel(cwd) ?? (o.Source is { } source && Directory.Exists(source) ? Path.GetFullPath(source) : cwd);
        return new SarifArtifacts { RepositoryRoot = root, WorkingDirectory = cwd, Fallback = Fallback(o), Exists = File.Exists };
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
