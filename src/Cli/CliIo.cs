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

    public static CliIo FromConsole() => new()
    {
        OpenStdin = Console.OpenStandardInput,
        Out = Console.Out,
        Err = Console.Error,
        StdinRedirected = Console.IsInputRedirected,
        StdoutRedirected = Console.IsOutputRedirected,
        StderrRedirected = Console.IsErrorRedirected,
    };
}
