using System.Globalization;
using Kalc.Iac.Core;

namespace Kalc.Iac.Cli.Tests;

/// <summary>What Linux says of a process's mappings in /proc/PID/smaps (proc_pid_smaps(5)): each mapping's line as in
/// maps, then fields, among them "VmFlags:", where "hg" means madvise(MADV_HUGEPAGE) was applied to it.</summary>
internal static class Smaps
{
    /// <summary>Whether transparent huge pages can be asked for on this machine.</summary>
    public static bool HugePagesAvailable =>
        OperatingSystem.IsLinux() && File.Exists("/sys/kernel/mm/transparent_hugepage/enabled") &&
        !File.ReadAllText("/sys/kernel/mm/transparent_hugepage/enabled").Contains("[never]", StringComparison.Ordinal);

    /// <summary>Each mapping of <paramref name="pid"/> ("self" for this process) with its VmFlags.</summary>
    public static List<(ProcessMapping Mapping, string[] Flags)> Of(string pid)
    {
        var result = new List<(ProcessMapping, string[])>();
        ProcessMapping? current = null;
        foreach (var line in File.ReadLines($"/proc/{pid}/smaps"))
        {
            if (line.StartsWith("VmFlags:", StringComparison.Ordinal) && current is { } m)
                result.Add((m, line["VmFlags:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
            else if (line.Length > 0 && char.IsAsciiHexDigit(line[0]) && line.Contains('-', StringComparison.Ordinal) &&
                     ProcessMapping.Parse(line) is { } parsed)
                current = parsed;
        }
        return result;
    }

    /// <summary>The size and the resident part, in bytes, of the read-only (r--p) mappings of <paramref name="path"/> in
    /// process <paramref name="pid"/>.</summary>
    public static (long Size, long Rss) ReadOnlySizeAndRss(string pid, string path)
    {
        long size = 0, rss = 0;
        var counting = false;
        foreach (var line in File.ReadLines($"/proc/{pid}/smaps"))
        {
            if (line.Length > 0 && char.IsAsciiHexDigit(line[0]) && line.Contains('-', StringComparison.Ordinal) && ProcessMapping.Parse(line) is { } m)
                counting = m.Path == path && m.Permissions == "r--p";
            else if (counting && line.StartsWith("Size:", StringComparison.Ordinal)) size += KiB(line) << 10;
            else if (counting && line.StartsWith("Rss:", StringComparison.Ordinal)) rss += KiB(line) << 10;
        }
        return (size, rss);
    }

    private static long KiB(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    /// <summary>The VmFlags of the mapping of this process that holds <paramref name="address"/>.</summary>
    public static string[] FlagsAt(ulong address) =>
        Of("self").First(e => e.Mapping.Start <= address && address < e.Mapping.End).Flags;

    public static string Hex(ulong address) => address.ToString("x", CultureInfo.InvariantCulture);
}

/// <summary>A fact about transparent huge pages: skipped, saying why, where Linux does not offer them.</summary>
public sealed class HugePagesFactAttribute : FactAttribute
{
    public HugePagesFactAttribute()
    {
        if (!Smaps.HugePagesAvailable) Skip = "transparent huge pages are off (/sys/kernel/mm/transparent_hugepage/enabled) or this is not Linux";
    }
}
