namespace Kalc.Iac.Core;

/// <summary>Reads a whole input file that has a documented size limit (docs/robustness.md). A regular file over the
/// limit is refused from its size before a byte is read; a pipe or a device (<c>/dev/zero</c>, a FIFO) is read at most
/// one byte past the limit, so no input takes more than the limit's memory or time to refuse.</summary>
public static class BoundedFile
{
    public static byte[] ReadAll(string path, string name, long limit, string what)
    {
        var id = FileIdentity.Of(path) ?? throw new InputException(new InputError(name, "no such file"));
        if (id.Kind == FileKind.Directory) throw new InputException(new InputError(name, $"is a directory, not {what}"));
        try
        {
            using var stream = RawFile.OpenRead(path);
            if (id.Kind == FileKind.Regular && stream.Length > limit) throw TooLarge(name, limit, what);
            return ReadAll(stream, name, limit, what);
        }
        catch (UnauthorizedAccessException)
        {
            throw new InputException(new InputError(name, "permission denied"));
        }
        catch (IOException e)
        {
            throw new InputException(new InputError(name, "cannot read: " + e.Message));
        }
    }

    /// <summary>Reads <paramref name="stream"/> to its end, after <paramref name="head"/> already read from it,
    /// refusing it once the whole passes <paramref name="limit"/>.</summary>
    public static byte[] ReadAll(Stream stream, string name, long limit, string what, ReadOnlySpan<byte> head = default)
    {
        using var buffer = new MemoryStream();
        buffer.Write(head);
        var chunk = new byte[1 << 16];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > limit) throw TooLarge(name, limit, what);
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    public static InputException TooLarge(string name, long limit, string what) =>
        new(new InputError(name, $"larger than {Size(limit)}, the limit for {what}; refused unread"));

    public static string Size(long bytes) => bytes >= 1L << 30 && bytes % (1L << 30) == 0 ? $"{bytes >> 30} GiB" : $"{bytes >> 20} MiB";
}
