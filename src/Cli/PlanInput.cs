using Kalc.Iac.Core;

namespace Kalc.Iac.Cli;

/// <summary>The plan as it comes in, from a file or stdin: its first MiB read (enough to tell the format) and, when there
/// is more, the open stream with the rest, so that a large JSON plan is read as a stream and never held whole.
/// The only place the CLI touches the plan's file system.</summary>
internal sealed class PlanInput : IDisposable
{
    /// <summary>How much is read before the format is decided.</summary>
    private const int HeadBytes = 1 << 20;

    /// <summary>The largest plan read whole (a text plan, a Pulumi preview; a JSON plan is streamed and has no limit):
    /// docs/robustness.md. A file over it is refused from its size; a pipe once it has sent that much.</summary>
    public const long MaxWholeBytes = 512L << 20;

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

    /// <summary>All of the input, for readers that need it whole, up to <see cref="MaxWholeBytes"/>.</summary>
    public byte[] ReadAll()
    {
        if (_rest is null) return Head;
        const string what = "a plan read whole (text or Pulumi preview)";
        if (_rest.CanSeek && _rest.Length > MaxWholeBytes) throw BoundedFile.TooLarge(Name, MaxWholeBytes, what);
        try
        {
            return BoundedFile.ReadAll(_rest, Name, MaxWholeBytes, what, Head);
        }
        catch (IOException e)
        {
            throw new InputException(new InputError(Name, "cannot be read: " + e.Message));
        }
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
