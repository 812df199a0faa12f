using System.Collections.Immutable;

namespace Kalc.Iac.Core;

/// <summary>The files of a state-dump directory, in a deterministic order (ordinal by relative path),
/// with the ones that are documentation rather than dumps set aside: hidden files and folders
/// (name starts with '.'), <c>*.md</c>, <c>*.txt</c> and <c>README*</c>. Links are followed, but each directory is
/// entered once (by device and inode, <see cref="FileIdentity"/>), so a link back up the tree (<c>ln -s . loop</c>) is
/// not walked round for ever; names that are not UTF-8 are kept by their bytes (<see cref="FileNameBytes"/>).</summary>
public sealed record DumpFiles(ImmutableArray<string> Files, ImmutableArray<string> Skipped)
{
    public static DumpFiles List(string dir)
    {
        if (!Directory.Exists(dir))
            throw new InputException(new InputError(dir, Path.Exists(dir) ? "not a directory" : "no such directory"));
        var files = ImmutableArray.CreateBuilder<string>();
        var skipped = ImmutableArray.CreateBuilder<string>();
        var visited = new HashSet<FileIdentity>();
        var pending = new Stack<string>();
        pending.Push(dir);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (FileIdentity.Of(current) is { } id && !visited.Add(id))
            {
                skipped.Add(current);
                continue;
            }
            foreach (var (entry, isDirectory) in Entries(current))
            {
                var name = Path.GetFileName(entry);
                if (isDirectory)
                {
                    if (name.StartsWith('.')) skipped.Add(entry);
                    else pending.Push(entry);
                }
                else if (IsDocumentation(name))
                {
                    skipped.Add(entry);
                }
                else
                {
                    files.Add(entry);
                }
            }
        }
        files.Sort(StringComparer.Ordinal);
        skipped.Sort(StringComparer.Ordinal);
        return new DumpFiles(files.ToImmutable(), skipped.ToImmutable());
    }

    public static bool IsDocumentation(string fileName) =>
        fileName.StartsWith('.') ||
        fileName.StartsWith("README", StringComparison.OrdinalIgnoreCase) ||
        fileName.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ||
        fileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);

    /// <summary>The entries of one directory, and which of them are directories (through links). A directory that cannot
    /// be listed is an input error naming it.</summary>
    private static List<(string Path, bool IsDirectory)> Entries(string dir)
    {
        try
        {
            var names = FileNameBytes.NeedsBytes(dir) ? null : Directory.EnumerateFileSystemEntries(dir).ToList();
            // .NET decodes a name that is not UTF-8 with U+FFFD and then cannot open it: list such a directory by bytes.
            if (names is null || names.Exists(FileNameBytes.NeedsBytes)) names = RawDirectory.List(dir) ?? names ?? [];
            return names.ConvertAll(n => (n, FileIdentity.Of(n)?.Kind == FileKind.Directory));
        }
        catch (UnauthorizedAccessException)
        {
            throw new InputException(new InputError(dir, "permission denied (cannot list this directory)"));
        }
        catch (IOException e)
        {
            throw new InputException(new InputError(dir, "cannot list this directory: " + e.Message));
        }
    }
}
