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

    /// <summary>Reads one listed file into a buffer rented from the shared pool (length: the file's size), for a caller
    /// that is done with the bytes before it reads the next file and then returns the buffer: a state directory of
    /// 50 MB is read with one file's worth of memory.</summary>
    public static (byte[] Buffer, int Length) ReadPooled(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(stream.Length, 1), Array.MaxLength));
            var length = 0;
            int n;
            while ((n = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += n;
                if (length < buffer.Length) continue;
                var larger = System.Buffers.ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                buffer.AsSpan(0, length).CopyTo(larger);
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
            return (buffer, length);
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
