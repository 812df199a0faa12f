using Kalc.Iac.Core;

namespace Kalc.Iac.Cli;

/// <summary>The whole command line as one call: dispatches the sub-commands and turns every error into one line on
/// stderr and an exit code. Program.Main calls it with the console; tests call it with their own streams.</summary>
public static class KalcIacCli
{
    public static async Task<int> RunAsync(string[] args, CliIo io, CancellationToken ct = default)
    {
        try
        {
            return args.FirstOrDefault() switch
            {
                "--help" or "-h" or "help" => Print(io, HelpText.Main),
                "--version" or "version" => Print(io, "kalc-iac " + Reporting.ToolInfo.Version),
                "rules" => RulesCommand.List(io.Out),
                "explain" => RulesCommand.Explain(args[1..], io.Out),
                "snapshot" => await SnapshotCommand.RunAsync(args[1..], io, ct).ConfigureAwait(false),
                "pulumi-analyzer" => await PulumiAnalyzerCommand.RunAsync(args[1..], io, ct).ConfigureAwait(false),
                _ when ArgumentParser.TryAnswer(args, io.Out, out var answered) => answered,
                _ => await AnalyzeCommand.RunAsync(args, io, ct).ConfigureAwait(false),
            };
        }
        catch (Exception thrown)
        {
            switch (Cause(thrown))
            {
                case UsageException e:
                    return Fail(io, e.Message, ExitCodes.BadInput);
                case InputException e:
                    return Fail(io, e.Error.ToString(), ExitCodes.BadInput);
                case OperationCanceledException:
                    return Fail(io, "interrupted", ExitCodes.Interrupted);
                case IOException or UnauthorizedAccessException when FileError(Cause(thrown)) is { } message:
                    // The file system said no where no reader turned it into an input error: still the user's input.
                    return Fail(io, message, ExitCodes.BadInput);
                case var e when io.Env("KALC_DEBUG") is null:
                    // A bug, not bad input: one line that says so once, names the version, and how to get a stack trace.
                    return Fail(io, $"internal error (a bug in kalc-iac {Reporting.ToolInfo.Version}; please report it): " +
                        $"{e.GetType().Name}: {e.Message} (set KALC_DEBUG=1 for a stack trace)", ExitCodes.InternalError);
                default:
                    throw;
            }
        }
    }

    /// <summary>A file-system exception's own message names the path it failed on ("Could not find file '/x'",
    /// "Access to the path '/x' is denied"); a file that could not be written says which (<see cref="OutputFile"/>).</summary>
    private static string? FileError(Exception e) => e switch
    {
        FileNotFoundException { FileName: { } f } => $"{f}: no such file",
        DirectoryNotFoundException => e.Message,
        UnauthorizedAccessException => e.Message,
        IOException when e.Message.Length > 0 => e.Message,
        _ => null,
    };

    /// <summary>What went wrong: work run side by side (<c>Parallel.For</c>, <c>Parallel.Invoke</c>) wraps what it throws
    /// in an <see cref="AggregateException"/>; the first exception inside is the one to report.</summary>
    internal static Exception Cause(Exception thrown) =>
        thrown is AggregateException aggregate && aggregate.Flatten().InnerExceptions is { Count: > 0 } inner ? inner[0] : thrown;

    private static int Print(CliIo io, string text)
    {
        io.Out.WriteLine(text);
        return ExitCodes.Ok;
    }

    /// <summary>One line on stderr. A closed or broken stderr loses the line, never sends it to stdout (which may be the
    /// report file).</summary>
    private static int Fail(CliIo io, string message, int code)
    {
        try
        {
            io.Err.WriteLine(ErrorText.Line("kalc-iac: " + message));
            io.Err.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException or NotSupportedException)
        {
            // (.NET reports a write to a closed descriptor, EBADF, as access denied.)
            // Nowhere left to say it; the exit code still does.
        }
        return code;
    }
}
