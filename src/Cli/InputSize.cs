namespace Kalc.Iac.Cli;

/// <summary>How many bytes a run will read, when that is known before reading: the plan file and the files of the state
/// directories. Unknown (null) for stdin, live reads and kubespray runs, and for state directories of more files than
/// it is worth listing twice.</summary>
internal static class InputSize
{
    private const int MaxFiles = 10_000;

    public static long? Of(CliOptions o)
    {
        if (o.Plan is null or "-" || o.Kubespray is not null) return null;
        long total = 0;
        foreach (var path in new[] { o.Plan, o.AwsState, o.K8sState })
        {
            if (path is null) continue;
            if (path == "live" || BytesAt(path) is not { } bytes) return null;
            total += bytes;
        }
        return total;
    }

    private static long? BytesAt(string path)
    {
        try
        {
            var file = new FileInfo(path);
            if (file.Exists) return file.Length;
            if (!Directory.Exists(path)) return null;
            long total = 0;
            var count = 0;
            foreach (var f in new DirectoryInfo(path).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
            {
                if (++count > MaxFiles) return null;
                total += f.Length;
            }
            return total;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            // The readers report what is wrong with the path; the budget just falls back to the analysis's.
            return null;
        }
    }
}
