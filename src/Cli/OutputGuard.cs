using Kalc.Iac.Core;

namespace Kalc.Iac.Cli;

/// <summary>Refuses an --output that names one of the inputs: the same file by device and inode
/// (<see cref="FileIdentity"/>), so a symlink or a hard link to an input is caught too. The inputs are the plan,
/// --config, every file under --aws-state, --k8s-state, the kubespray inventory (and the directory of an inventory
/// file: its group_vars), --kubespray-baseline, --kubespray-dir and --source.</summary>
internal static class OutputGuard
{
    public static void Check(CliOptions o)
    {
        if (o.Output is not { } output) return;
        // A file that does not exist yet cannot be an input.
        if (FileIdentity.Of(output) is not { } target) return;
        foreach (var (file, option) in Inputs(o))
            if (FileIdentity.Of(file) == target)
                throw new UsageException($"--output {output} is an input ({option} {file}); it would be overwritten by the report");
    }

    private static IEnumerable<(string File, string Option)> Inputs(CliOptions o)
    {
        if (o.Plan is { } plan and not "-") yield return (plan, "the plan");
        if (o.Config is { } config) yield return (config, "--config");
        foreach (var (path, option) in new[]
                 {
                     (o.AwsState, "--aws-state"), (o.K8sState, "--k8s-state"), (o.Kubespray, "--kubespray"),
                     (o.KubesprayBaseline, "--kubespray-baseline"), (o.KubesprayDir, "--kubespray-dir"), (o.Source, "--source"),
                 })
        {
            if (path is null or "live") continue;
            if (!Directory.Exists(path))
            {
                yield return (path, option);
                // An inventory file's group_vars/ and host_vars/ sit next to it.
                if (option is "--kubespray" or "--kubespray-baseline" && Path.GetDirectoryName(Path.GetFullPath(path)) is { } near)
                    foreach (var f in FilesUnder(near)) yield return (f, option);
                continue;
            }
            foreach (var f in FilesUnder(path)) yield return (f, option);
        }
    }

    private static IEnumerable<string> FilesUnder(string dir)
    {
        try
        {
            var listing = DumpFiles.List(dir);
            return [.. listing.Files, .. listing.Skipped];
        }
        catch (InputException)
        {
            // A directory that cannot be listed is reported by its reader.
            return [];
        }
    }
}
