using System.Text;
using Kalc.Iac.Core;

namespace Kalc.Iac.Cli;

/// <summary>--output FILE, written so that nothing is lost: the report goes to a temporary file next to FILE and is
/// renamed onto it (rename(2) replaces it in one step) only once it is complete and on disk. A full disk, a file-size
/// limit or any other failure leaves FILE as it was and the temporary file removed, and is an input error naming FILE.
/// FILE may not be one of the inputs (<see cref="OutputGuard"/>). Through a symlink, the file it points at is replaced
/// and the link kept.</summary>
internal static class OutputFile
{
    /// <summary>Temporary files being written, removed by <see cref="RemovePending"/> when a signal ends the run.
    /// Process-wide on purpose: a signal is.</summary>
    private static readonly HashSet<string> Pending = [];

    public static void Write(string path, Action<TextWriter> write)
    {
        if (Directory.Exists(path)) throw Error(path, "is a directory; --output names a file");
        var target = FinalTarget(Path.GetFullPath(path));
        var dir = Path.GetDirectoryName(target) ?? ".";
        if (!Directory.Exists(dir)) throw Error(path, $"cannot be written: no such directory {dir}");
        var temp = Path.Combine(dir, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        lock (Pending) Pending.Add(temp);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1))
            {
                using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
                write(writer);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows() && File.Exists(target)) File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
            File.Move(temp, target, overwrite: true);
        }
        catch (UnauthorizedAccessException)
        {
            Remove(temp);
            throw Error(path, "cannot be written: permission denied");
        }
        catch (IOException e)
        {
            Remove(temp);
            throw Error(path, $"cannot be written: {Reason(e)} (the file was left as it was)");
        }
        catch (ArgumentOutOfRangeException)
        {
            // .NET's word for EFBIG: the write went past the file-size limit (ulimit -f).
            Remove(temp);
            throw Error(path, "cannot be written: file too large for the file-size limit (ulimit -f) (the file was left as it was)");
        }
        catch
        {
            Remove(temp);
            throw;
        }
        lock (Pending) Pending.Remove(temp);
    }

    /// <summary>Removes the temporary files of writes a signal interrupted.</summary>
    public static void RemovePending()
    {
        lock (Pending)
        {
            foreach (var temp in Pending) TryDelete(temp);
            Pending.Clear();
        }
    }

    private static void Remove(string temp)
    {
        TryDelete(temp);
        lock (Pending) Pending.Remove(temp);
    }

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the report's own error is the one to show.
        }
    }

    /// <summary>The system's reason without the temporary file's name, which .NET appends (" : '/dir/.x.tmp'").</summary>
    private static string Reason(IOException e)
    {
        var m = e.Message;
        var cut = m.IndexOf(" : '", StringComparison.Ordinal);
        return (cut > 0 ? m[..cut] : m).TrimEnd('.');
    }

    /// <summary>Where a chain of symlinks ends (the path itself when it is not one, or when the link leads nowhere yet).</summary>
    private static string FinalTarget(string path)
    {
        try
        {
            return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
        }
        catch (IOException)
        {
            return path;
        }
    }

    private static InputException Error(string path, string reason) => new(new InputError(path, reason));
}
