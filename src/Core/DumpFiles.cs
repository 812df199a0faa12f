using System.Collections.Immutable;

namespace Kalc.Iac.Core;

/// <summary>The files of a state-dump directory, in a deterministic order (ordinal by relative path),
/// with the ones that are documentation rather than dumps set aside: hidden files and folders
/// (name starts with '.'), <c>*.md</c>, <c>*.txt</c> and <c>README*</c>.</summary>
public sealed record DumpFiles(ImmutableArray<string> Files, ImmutableArray<string> Skipped)
{
    public static DumpFiles List(string dir)
    {
        if (!Directory.Exists(dir))
            throw new InputException(new InputError(dir, "no such directory"));
        var files = ImmutableArray.CreateBuilder<string>();
        var skipped = ImmutableArray.CreateBuilder<string>();
        var pending = new Stack<string>();
        pending.Push(dir);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(current))
            {
                if (Path.GetFileName(sub).StartsWith('.')) skipped.Add(sub);
                else pending.Push(sub);
            }
            foreach (var file in Directory.EnumerateFiles(current))
            {
                if (IsDocumentation(Path.GetFileName(file))) skipped.Add(file);
                else files.Add(file);
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
}
