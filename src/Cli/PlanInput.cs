using Kalc.Iac.Core;

namespace Kalc.Iac.Cli;

/// <summary>Reads the plan bytes from a file or stdin. The only place the CLI touches the plan's file system.</summary>
internal static class PlanInput
{
    /// <summary>.NET arrays stop at 2 GiB; a plan larger than that is not a plan we can hold.</summary>
    private const long MaxBytes = int.MaxValue - 64;

    public static byte[] Read(string name, CliIo io)
    {
        if (name == "-")
        {
            using var stdin = io.OpenStdin();
            return ReadAll(stdin, "-");
        }
        if (Directory.Exists(name)) throw new InputException(new InputError(name, "is a directory, not a plan (for an inventory use --kubespray)"));
        if (!File.Exists(name)) throw new InputException(new InputError(name, "no such file"));
        var length = new FileInfo(name).Length;
        if (length > MaxBytes) throw new InputException(new InputError(name, $"too large ({length / (1024 * 1024)} MiB; the limit is 2 GiB)"));
        try
        {
            return File.ReadAllBytes(name);
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

    private static byte[] ReadAll(Stream stream, string name)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > MaxBytes) throw new InputException(new InputError(name, "too large (the limit is 2 GiB)"));
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }
}
