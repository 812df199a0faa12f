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

    /// <summary>Reads one listed file into <paramref name="buffer"/>, replacing it with a larger one when the file does
    /// not fit, and returns the file's length: a caller that is done with each file's bytes before reading the next
    /// reads a 50 MB state directory with one buffer the size of its largest file (which the GC reclaims afterwards,
    /// unlike a shared pool that would keep it for the rest of the run).</summary>
    public static int ReadInto(string file, ref byte[] buffer)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            var expected = (int)Math.Min(stream.Length, Array.MaxLength);
            if (buffer.Length < expected + 1) buffer = GC.AllocateUninitializedArray<byte>(expected + 1);
            var length = 0;
            int n;
            while ((n = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += n;
                if (length < buffer.Length) continue;
                var larger = GC.AllocateUninitializedArray<byte>(checked(buffer.Length * 2));
                buffer.AsSpan(0, length).CopyTo(larger);
                buffer = larger;
            }
            return length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new InputError(file, "cannot read: " + e.Message));
        }
    }

    /// <summary>Reads one listed file; an unreadable file is an input error naming it.</summary>
    public static byte[] ReadBytes(string file)
    {
        try
        {
            return File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new InputError(file, "cannot read: " + e.Message));
        }
    }
}
