using Kalc.Iac.Core;

namespace Kalc.Iac.Cli;

/// <summary>The plan as it comes in, from a file or stdin: its first MiB read (enough to tell the format) and, when there
/// is more, the open stream with the rest, so that a large JSON plan is read as a stream and never held whole.
/// The only place the CLI touches the plan's file system.</summary>
internal sealed class PlanInput : IDisposable
{
    /// <summary>How much is read before the format is decided.</summary>
    private const int HeadBytes = 1 << 20;

    /// <summary>.NET arrays stop at 2 GiB; a plan larger than that cannot be held whole (only a JSON plan is streamed).</summary>
    private const long MaxBytes = int.MaxValue - 64;

    private readonly Stream? _rest;

    private PlanInput(string name, byte[] head, Stream? rest)
    {
        Name = name;
        Head = head;
        _rest = rest;
    }

    public string Name { get; }

    /// <summary>The first bytes of the input, or all of it when <see cref="Rest"/> is null.</summary>
    public byte[] Head { get; }

    /// <summary>The stream after <see cref="Head"/>, or null when the head is the whole input.</summary>
    public Stream? Rest => _rest;

    public static PlanInput Open(string name, CliIo io)
    {
        var stream = name == "-" ? io.OpenStdin() : OpenFile(name);
        try
        {
            var head = new byte[HeadBytes];
            var n = Fill(stream, head, name);
            if (n < head.Length)
            {
                stream.Dispose();
                return new PlanInput(name, head[..n], null);
            }
            return new PlanInput(name, head, stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>All of the input, for readers that need it whole.</summary>
    public byte[] ReadAll()
    {
        if (_rest is null) return Head;
        using var buffer = new MemoryStream();
        buffer.Write(Head);
        var chunk = new byte[1 << 16];
        int n;
        while ((n = Read(_rest, chunk, 0, chunk.Length, Name)) > 0)
        {
            if (buffer.Length + n > MaxBytes) throw new InputException(new InputError(Name, "too large (the limit for a plan read whole is 2 GiB)"));
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    public void Dispose() => _rest?.Dispose();

    private static Stream OpenFile(string name)
    {
        if (Directory.Exists(name)) throw new InputException(new InputError(name, "is a directory, not a plan (for an inventory use --kubespray)"));
        if (!File.Exists(name)) throw new InputException(new InputError(name, "no such file"));
        try
        {
            return new FileStream(name, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (IOException e)
        {
            throw new InputException(new InputError(name, "cannot be read: " + e.Message));
        }
        catch (UnauthorizedAccessException)
        {
            throw new InputException(new InputError(name, "permission denied"));
        }
    }

    private static int Fill(Stream stream, byte[] buffer, string name)
    {
        var total = 0;
        int n;
        while (total < buffer.Length && (n = Read(stream, buffer, total, buffer.Length - total, name)) > 0)
            total += n;
        return total;
    }

    private static int Read(Stream stream, byte[] buffer, int offset, int count, string name)
    {
        try
        {
            return stream.Read(buffer, offset, count);
        }
        catch (IOException e)
        {
            throw new InputException(new InputError(name, "cannot be read: " + e.Message));
        }
        catch (UnauthorizedAccessException)
        {
            throw new InputException(new InputError(name, "permission denied"));
        }
    }
}
