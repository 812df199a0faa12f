namespace Kalc.Iac.Cli;

/// <summary>The process's streams and environment, passed in so the whole CLI runs in tests without a console.</summary>
public sealed record CliIo
{
    public required Func<Stream> OpenStdin { get; init; }

    public required TextWriter Out { get; init; }

    public required TextWriter Err { get; init; }

    public bool StdinRedirected { get; init; }

    public bool StdoutRedirected { get; init; }

    public bool StderrRedirected { get; init; }

    public Func<string, string?> Env { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>stdout as <see cref="Console.Out"/> gives it (flushed after every write, safe across threads, no byte order
    /// mark), but through a 64 KiB buffer: Console.Out's is 256 characters, so a 7.8 MB report of a large plan took some
    /// 30,000 write calls (https://github.com/dotnet/runtime/blob/main/src/libraries/System.Console/src/System/Console.cs,
    /// WriteBufferSize).</summary>
    private static TextWriter StandardOutput()
    {
        var encoding = Console.OutputEncoding.CodePage == 65001 ? new System.Text.UTF8Encoding(false) : Console.OutputEncoding;
        return TextWriter.Synchronized(new StreamWriter(Console.OpenStandardOutput(), encoding, 1 << 16, leaveOpen: true) { AutoFlush = true });
    }

    public static CliIo FromConsole() => new()
    {
        OpenStdin = Console.OpenStandardInput,
        Out = StandardOutput(),
        Err = Console.Error,
        StdinRedirected = Console.IsInputRedirected,
        StdoutRedirected = Console.IsOutputRedirected,
        StderrRedirected = Console.IsErrorRedirected,
    };
}
