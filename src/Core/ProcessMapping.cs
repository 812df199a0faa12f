using System.Globalization;

namespace Kalc.Iac.Core;

/// <summary>One line of <c>/proc/self/maps</c>: an address range of the process and what backs it (proc_pid_maps(5):
/// "address perms offset dev inode pathname").</summary>
public readonly record struct ProcessMapping(ulong Start, ulong End, string Permissions, string Path)
{
    public ulong Length => End - Start;

    /// <summary>Private memory backed by no file: heap memory, committed (rw-p) or only reserved (---p).</summary>
    public bool IsAnonymousPrivate => Path.Length == 0 && Permissions.EndsWith('p');

    /// <summary>The address range around <paramref name="address"/> that anonymous private mappings cover without a gap,
    /// from <paramref name="maps"/> (the text of /proc/self/maps, in address order); null when the address is not in
    /// such a mapping. A heap reserved in one block and committed in parts is several mappings side by side: this is
    /// all of them.</summary>
    public static (ulong Start, ulong End)? AnonymousRunAround(string maps, ulong address)
    {
        ulong runStart = 0, runEnd = 0;
        var found = false;
        foreach (var line in maps.AsSpan().EnumerateLines())
        {
            if (Parse(line) is not { IsAnonymousPrivate: true } m)
            {
                if (found) break;
                runEnd = 0;
                continue;
            }
            if (m.Start != runEnd)
            {
                if (found) break;
                runStart = m.Start;
            }
            runEnd = m.End;
            found |= m.Start <= address && address < m.End;
        }
        return found ? (runStart, runEnd) : null;
    }

    /// <summary>One line, or null when it is not of the documented form.</summary>
    public static ProcessMapping? Parse(ReadOnlySpan<char> line)
    {
        Span<Range> fields = stackalloc Range[7];
        var count = line.Split(fields, ' ', StringSplitOptions.RemoveEmptyEntries);
        if (count < 5) return null;
        var range = line[fields[0]];
        var dash = range.IndexOf('-');
        if (dash <= 0 ||
            !ulong.TryParse(range[..dash], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var start) ||
            !ulong.TryParse(range[(dash + 1)..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var end) ||
            end <= start)
            return null;
        // The path may contain spaces ("/tmp/a b (deleted)"): it is the rest of the line after the inode.
        var path = count >= 6 ? line[fields[5].Start..].Trim().ToString() : "";
        return new ProcessMapping(start, end, line[fields[1]].ToString(), path);
    }
}
